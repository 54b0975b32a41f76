package org.coloc.cases.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may become a participant of a case, that is someone the admin's replies go to. Pure code.
 *
 * <p>Knowing a Message-ID of a case is no proof of anything: every recipient of a mail of the case knows
 * them, and so does whoever they forward it to. So a mail that threads into a case widens the circle only
 * when the requester or the admin wrote it: their {@code Cc} joins. Anybody else's mail joins the thread as
 * incoming mail and nobody new is answered. The admin can add and remove participants himself.
 */
public final class Participants {

    /** An address of a participant: the longest a mail path may carry (RFC 5321), beyond it we cannot send. */
    public static final int MAX_ADDRESS = 254;

    /** Someone the admin's replies go to, who brought them in and when. */
    public record Participant(String address, String addedBy, Instant addedAt) {

        public Participant {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * What a mail did to the circle: who joined, and the addresses left out ({@code notAllowed}: the sender
     * may not bring anyone in; {@code overLimit}: the case is full; {@code unusable}: not an address we can
     * mail).
     */
    public record Admission(List<Participant> joined, List<String> notAllowed, List<String> overLimit,
            List<String> unusable) {

        public boolean anyLeftOut() {
            return !notAllowed.isEmpty() || !overLimit.isEmpty() || !unusable.isEmpty();
        }
    }

    private Participants() {
    }

    /**
     * Who joins a case through a mail threaded into it (or opening it).
     *
     * @param current the participants now (requester included), lower-case
     * @param requester the case's requester
     * @param sender the mail's sender, lower-case
     * @param senderIsAdmin whether the mail is proven to be the admin's ({@link AdminProof})
     * @param copied the addresses in the mail's Cc
     * @param never addresses that are never participants (the coloc address, the admin)
     * @param limit the most participants a case may have
     */
    public static Admission fromMail(Collection<String> current, String requester, String sender,
            boolean senderIsAdmin, Collection<String> copied, Set<String> never, int limit, Instant now) {
        Set<String> have = lower(current);
        Set<String> excluded = lower(never);
        String from = normal(sender);
        boolean mayBringIn = from != null && (from.equals(normal(requester)) || senderIsAdmin);
        List<Participant> joined = new ArrayList<>();
        List<String> notAllowed = new ArrayList<>();
        List<String> overLimit = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        if (from != null && !senderIsAdmin) {
            candidates.add(from);
        }
        if (copied != null) {
            copied.stream().map(Participants::normal).filter(Objects::nonNull).forEach(candidates::add);
        }
        for (String address : candidates) {
            if (have.contains(address) || excluded.contains(address)) {
                continue;
            }
            if (!mayBringIn) {
                notAllowed.add(address);
            } else if (!usable(address)) {
                unusable.add(address);
            } else if (have.size() >= limit) {
                overLimit.add(address);
            } else {
                have.add(address);
                joined.add(new Participant(address, from, now));
            }
        }
        return new Admission(joined, notAllowed, overLimit, unusable);
    }

    /** Addresses that never take part: ours and the admin's (blank: there is no admin), lower-case. */
    public static Set<String> never(String colocAddress, String adminAddress) {
        Set<String> never = new java.util.HashSet<>();
        never.add(colocAddress.toLowerCase(java.util.Locale.ROOT));
        if (adminAddress != null && !adminAddress.isBlank()) {
            never.add(adminAddress.toLowerCase(java.util.Locale.ROOT));
        }
        return never;
    }

    /**
     * Whether we can send to this address at all: one {@code @}, no blanks, not longer than a mail path, not a
     * stored key of an over-long one.
     */
    public static boolean usable(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_ADDRESS) {
            return false;
        }
        int at = address.indexOf('@');
        // no '#' in the domain: that is how a stored key of an over-long address ends (Bounded.key)
        return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1 && address.indexOf('#', at) < 0
                && address.chars().noneMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch));
    }

    private static String normal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.isEmpty() ? null : a;
    }

    private static Set<String> lower(Collection<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        if (addresses != null) {
            addresses.stream().map(Participants::normal).filter(Objects::nonNull).forEach(out::add);
        }
        return out;
    }
}
