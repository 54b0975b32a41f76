package org.coloc.routing.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coloc.intake.control.Classification;
import org.coloc.intake.control.MailAddress;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.control.MailHeader;
import org.coloc.intake.control.ParsedMail;
import org.coloc.intake.control.ParsedAttachment;

/**
 * What the {@link MailRouter} knows of a mail: the facts only, no database. Addresses are lower-case; ids are
 * as the parser gave them (without angle brackets). Lists are never null; the other fields may be.
 *
 * @param kind what the classifier made of the sender (human, auto-reply, bounce, list, loop)
 * @param sender the From address
 * @param recipients To, Cc, then the addresses the delivering servers wrote in {@code Delivered-To} and
 *        {@code X-Original-To} (where a plus-address such as {@code coloc+comment-12@…} survives a Bcc)
 * @param authenticationResults the values of the Authentication-Results headers, topmost first
 * @param failedRecipient for a bounce: the address our mail was sent to, as the report names it
 * @param deliveryStatus for a bounce: its RFC 3463 status, {@code 4.x.x} for a delay
 * @param returnedIds for a bounce: ids of our mails found in the returned original (or its headers)
 */
public record MailFacts(MailKind kind, String messageId, String sender, List<String> recipients, String inReplyTo,
        List<String> references, String subject, Instant date, List<String> authenticationResults,
        String failedRecipient, String deliveryStatus, List<String> returnedIds) {

    /** A bounce names at most this many ids (headers and returned original together) to look up. */
    static final int MAX_BOUNCE_IDS = 100;
    /**
     * Our Message-IDs as {@code OutgoingIds} makes them, a case's or a maintenance notice's: only these are
     * searched for in a returned original. Every part is bounded (numbers of at most 19 digits, two 16-character
     * base32 parts, a domain name of at most 253 characters): with open-ended runs a bounce carrying megabytes of
     * {@code <case-1.a.a@} without a closing bracket would be scanned to its end from every occurrence, quadratic
     * in the attachment.
     */
    private static final Pattern OUR_ID = Pattern.compile(
            "<((?:case-[0-9]{1,19}|notice-[0-9]{1,19}-[0-9]{1,19})\\.[a-z2-7]{16}\\.[a-z2-7]{16}@[^>\\s]{1,253})>");

    public MailFacts {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        references = references == null ? List.of() : references.stream().filter(r -> r != null).toList();
        authenticationResults = authenticationResults == null ? List.of()
                : authenticationResults.stream().filter(r -> r != null).toList();
        returnedIds = returnedIds == null ? List.of() : List.copyOf(returnedIds);
    }

    /** The facts of a parsed and classified mail; null when there is nothing to route (not parsed). */
    public static MailFacts of(ParsedMail mail, Classification classification) {
        if (mail == null || classification == null) {
            return null;
        }
        MailKind kind = classification.kind();
        List<String> recipients = new ArrayList<>();
        addresses(mail.to(), recipients);
        addresses(mail.cc(), recipients);
        for (MailHeader h : mail.headers() == null ? List.<MailHeader>of() : mail.headers()) {
            if (h.name().equalsIgnoreCase("Delivered-To") || h.name().equalsIgnoreCase("X-Original-To")) {
                String v = h.value() == null ? "" : h.value().strip();
                if (v.startsWith("<") && v.endsWith(">")) {
                    v = v.substring(1, v.length() - 1).strip();
                }
                if (!v.isEmpty()) {
                    recipients.add(v.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> authenticationResults = mail.headers() == null ? List.of() : mail.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("Authentication-Results")).map(MailHeader::value).toList();
        boolean bounce = kind == MailKind.BOUNCE;
        return new MailFacts(kind, mail.messageId(),
                mail.from() == null ? null : mail.from().address().toLowerCase(Locale.ROOT),
                List.copyOf(new LinkedHashSet<>(recipients)), mail.inReplyTo(), mail.references(), mail.subject(),
                mail.date(), authenticationResults, bounce ? classification.failedRecipient() : null,
                bounce ? classification.status() : null, bounce ? returnedIds(mail) : List.of());
    }

    private static void addresses(List<MailAddress> from, List<String> into) {
        if (from != null) {
            from.stream().filter(a -> a != null && a.address() != null)
                    .forEach(a -> into.add(a.address().toLowerCase(Locale.ROOT)));
        }
    }

    /** Our ids in the attachments of a bounce (the returned original, or its headers). */
    private static List<String> returnedIds(ParsedMail mail) {
        Set<String> ids = new LinkedHashSet<>();
        for (ParsedAttachment a : mail.attachments() == null ? List.<ParsedAttachment>of() : mail.attachments()) {
            Matcher m = OUR_ID.matcher(new String(a.content(), StandardCharsets.ISO_8859_1));
            while (m.find() && ids.size() < MAX_BOUNCE_IDS) {
                ids.add(m.group(1));
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The detail of the first recipient that is our address plus-addressed ({@code coloc+detail@domain} for
     * {@code coloc@domain}); empty when none.
     */
    public Optional<String> plusDetail(String ourAddress) {
        return plusDetail(ourAddress, "+");
    }

    /**
     * The detail of the first recipient that is {@code address} with {@code delimiter} and a detail
     * ({@code coloc+my-post@domain} for {@code coloc@domain} and {@code +}); empty when none. A comment address
     * is recognised by it.
     */
    public Optional<String> plusDetail(String address, String delimiter) {
        return plusDetails(address, delimiter).stream().findFirst();
    }

    /** The details of every recipient that is {@code address} plus-addressed, in the order of {@link #recipients}. */
    public List<String> plusDetails(String address, String delimiter) {
        if (address == null || delimiter == null || delimiter.isEmpty()) {
            return List.of();
        }
        String ours = address.strip().toLowerCase(Locale.ROOT);
        int at = ours.lastIndexOf('@');
        if (at <= 0) {
            return List.of();
        }
        String prefix = ours.substring(0, at) + delimiter;
        String domain = ours.substring(at);
        return recipients.stream().filter(r -> r.startsWith(prefix) && r.endsWith(domain)
                && r.length() > prefix.length() + domain.length())
                .map(r -> r.substring(prefix.length(), r.length() - domain.length())).toList();
    }
}
