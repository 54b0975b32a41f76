package org.coloc.cases.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which case an incoming human mail belongs to. Pure code over a {@link CaseLookup}; the rules, in
 * order: our own outgoing Message-IDs or any known message in In-Reply-To/References; the subject tag
 * {@code [coloc #N]} when the sender takes part in case N (else a new case, flagged); same sender and same
 * normalised subject on a case active in the last 30 days; otherwise a new case.
 */
public final class Threading {

    /** What threading needs to know of a mail. Ids without angle brackets; address lower-case. */
    public record MailFacts(String messageId, String inReplyTo, List<String> references, String fromAddress,
            String subject, Instant date) {
    }

    /** The database, as threading sees it. */
    public interface CaseLookup {

        /** The case holding a message (incoming or outgoing) with this Message-ID. */
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

    public static Decision thread(MailFacts mail, CaseLookup lookup, Instant now) {
        return new Decision(null, "new", false);
    }
}
