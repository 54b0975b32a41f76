package org.coloc.cases.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.coloc.outbox.control.OutgoingIds;

/**
 * Decides which case an incoming human mail belongs to. Pure code over a {@link CaseLookup}; the rules, in
 * order: our own outgoing Message-IDs or any known message in In-Reply-To/References; the subject tag
 * {@code [coloc #N]} when the sender takes part in case N (else a new case, flagged); same sender and same
 * normalised subject on a case active in the last 30 days; otherwise a new case.
 */
public final class Threading {

    /** How long a case stays reachable by subject alone (rule c). */
    public static final Duration SUBJECT_WINDOW = Duration.ofDays(30);

    /**
     * At most this many References are looked up (the newest ones): a mail with thousands of them must not
     * cost thousands of queries. Real threads rarely carry more than a few dozen.
     */
    public static final int MAX_REFERENCES = 50;

    public static final String RULE_REFERENCES = "references";
    public static final String RULE_TAG = "tag";
    public static final String RULE_FOREIGN_TAG = "foreign-tag";
    public static final String RULE_SUBJECT = "subject";
    public static final String RULE_NEW = "new";

    /** What threading needs to know of a mail. Ids without angle brackets; address lower-case. */
    public record MailFacts(String messageId, String inReplyTo, List<String> references, String fromAddress,
            String subject, Instant date) {
    }

    /** The database, as threading sees it. */
    public interface CaseLookup {

        /**
         * The case holding a message (incoming or outgoing) with this Message-ID. Implementations verify our
         * outgoing ids with {@link OutgoingIds#caseOf}; they may also answer for an id that a stored message of
         * the case references without the message itself being stored (a "ghost" parent), which keeps a thread
         * whole when its root arrives late or never (see ThreadingCorpusTest).
         */
        Optional<Long> caseOfMessageId(String messageId);

        boolean exists(long caseNumber);

        /** Whether the address is the requester or a participant of the case. */
        boolean takesPart(long caseNumber, String address);

        /** The most recently active case with this sender and normalised subject, active since {@code since}. */
        Optional<Long> activeCase(String address, String normalisedSubject, Instant since);
    }

    /** {@code caseNumber} null means a new case; {@code rule} says which rule decided. */
    public record Decision(Long caseNumber, String rule, boolean foreignTag) {
    }

    private Threading() {
    }

    /** {@link #thread(MailFacts, CaseLookup, Instant, Duration)} with the 30-day {@link #SUBJECT_WINDOW}. */
    public static Decision thread(MailFacts mail, CaseLookup lookup, Instant now) {
        return thread(mail, lookup, now, SUBJECT_WINDOW);
    }

    /**
     * The case of an incoming mail. Every field of {@code mail} (and {@code mail} itself) may be null;
     * {@code lookup}, {@code now} and {@code subjectWindow} may not.
     */
    public static Decision thread(MailFacts mail, CaseLookup lookup, Instant now, Duration subjectWindow) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(subjectWindow, "subjectWindow");
        if (mail == null) {
            mail = new MailFacts(null, null, null, null, null, null);
        }
        String from = address(mail.fromAddress());

        // a. The parent named by In-Reply-To, then References newest first (the last one is the parent, the
        // first the root): any message known to a case, ours or incoming, open or closed. Finally the mail's own
        // Message-ID: a duplicate, or a parent arriving after a reply that already named it (out-of-order
        // delivery; the corpus has a reply dated before its root). Knowing a Message-ID grants no more than a
        // reply header naming it would.
        List<String> ids = parentIds(mail);
        String own = id(mail.messageId());
        for (String id : ids) {
            Optional<Long> known = lookup.caseOfMessageId(id);
            if (known != null && known.isPresent()) {
                return new Decision(known.get(), RULE_REFERENCES, false);
            }
        }
        if (own != null) {
            Optional<Long> known = lookup.caseOfMessageId(own);
            if (known != null && known.isPresent()) {
                return new Decision(known.get(), RULE_REFERENCES, false);
            }
        }

        // b. Our tag: only a participant may add to a case by tag. Anybody else (a forward to a third person who
        // answers, a guessed number) gets a new case, flagged so a member can merge it, and never the tagged one.
        Long tag = Subjects.caseTag(mail.subject());
        if (tag != null) {
            if (from != null && lookup.exists(tag) && lookup.takesPart(tag, from)) {
                return new Decision(tag, RULE_TAG, false);
            }
            return new Decision(null, RULE_FOREIGN_TAG, true);
        }

        // c. Same sender, same normalised subject, case active within the window — only when the mail looks like
        // a reply: a reply prefix in the subject (Re:, AW:, SV:, … — not Fwd:/TR:, a forward usually brings a new
        // matter) or reply headers that named nothing we know. Why not always: a member who writes "Backup failed"
        // twice a week apart reports two failures, two cases; a reply whose headers a mobile client or a
        // forwarding relay dropped still has its "Re:". A wrong merge hides a request inside an old case, while a
        // wrong split shows up as a new case a member merges in one click; so without any reply evidence we split.
        String normalised = Subjects.normalise(mail.subject());
        boolean replyLike = Subjects.looksLikeReply(mail.subject()) || !ids.isEmpty();
        if (replyLike && from != null && !normalised.isEmpty()) {
            Optional<Long> active = lookup.activeCase(from, normalised, now.minus(subjectWindow));
            if (active != null && active.isPresent()) {
                return new Decision(active.get(), RULE_SUBJECT, false);
            }
        }

        // d.
        return new Decision(null, RULE_NEW, false);
    }

    /** Every Message-ID {@link #thread} may ask the lookup about for this mail (to ask them ahead, at once). */
    public static List<String> idsToLookUp(MailFacts mail) {
        List<String> ids = new ArrayList<>(parentIds(mail));
        String own = id(mail.messageId());
        if (own != null && !ids.contains(own)) {
            ids.add(own);
        }
        return ids;
    }

    /** In-Reply-To, then References from the newest (last) to the oldest, without repeats or the mail itself. */
    static List<String> parentIds(MailFacts mail) {
        Set<String> ids = new LinkedHashSet<>();
        String own = id(mail.messageId());
        String irt = id(mail.inReplyTo());
        if (irt != null) {
            ids.add(irt);
        }
        List<String> refs = mail.references() == null ? List.of() : mail.references();
        for (int i = refs.size() - 1; i >= 0 && ids.size() < MAX_REFERENCES + 1; i--) {
            String r = id(refs.get(i));
            if (r != null) {
                ids.add(r);
            }
        }
        if (own != null) {
            ids.remove(own);
        }
        return new ArrayList<>(ids);
    }

    /**
     * An id without blanks and angle brackets, or null when nothing usable is left. A Message-ID is
     * {@code left@right} (RFC 5322 msg-id): anything else is junk that some mailer put there for all its mails
     * alike (one real list archive has 37 mails with {@code References: <yes>}), and threading by it would glue
     * unrelated conversations into one case. Such ids are ignored everywhere threading looks: In-Reply-To,
     * References and the mail's own Message-ID.
     */
    public static String id(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        if (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        int at = s.lastIndexOf('@');
        return at <= 0 || at == s.length() - 1 ? null : s;
    }

    private static String address(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }
}
