package org.coloc.cases.boundary;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.coloc.cases.entity.SupportCase;

/**
 * What the current transaction wrote about cases, so that threading lookups can query the database without
 * flushing first. Intake threads a whole batch of mail in one transaction; with the default flush mode each
 * lookup query flushed the batch, and EclipseLink (without weaving) compares every managed object of the
 * unit of work on each flush: intake became quadratic in the batch size (3x slower on 200-mail batches).
 *
 * <p>Every answer here is a union with what the database says, so a row that was flushed anyway is simply
 * found twice. {@link Cases} records here every case it creates or changes and every Message-ID it files,
 * so any transaction that threads mail must write cases through it (the timers' closing mails, in their own
 * transactions, need not).
 */
@TransactionScoped
public class CaseWrites implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Long> caseOfMessageId = new HashMap<>();
    private final transient Map<Long, SupportCase> touched = new HashMap<>();
    private long highestNumber;

    /** A case created or changed by this transaction. */
    void touched(SupportCase c) {
        touched.put(c.getNumber(), c);
        highestNumber = Math.max(highestNumber, c.getNumber());
    }

    /** A Message-ID now known to belong to this case (its own mail, or one a mail of it named). */
    void named(String messageId, long caseNumber) {
        if (messageId != null) {
            caseOfMessageId.put(messageId, caseNumber);
        }
    }

    Optional<Long> caseOfMessageId(String messageId) {
        return Optional.ofNullable(caseOfMessageId.get(messageId));
    }

    Optional<SupportCase> byNumber(long number) {
        return Optional.ofNullable(touched.get(number));
    }

    long highestNumber() {
        return highestNumber;
    }

    /** The most recently active case touched here with this requester and subject, active since then. */
    Optional<SupportCase> activeCase(String requester, String normalisedSubject, Instant since) {
        return touched.values().stream()
                .filter(c -> c.getRequester().equals(requester) && normalisedSubject.equals(c.getNormalisedSubject())
                        && !c.getLastActivityAt().isBefore(since))
                .max((a, b) -> a.getLastActivityAt().compareTo(b.getLastActivityAt()));
    }
}
