package org.coloc.cases.boundary;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.coloc.cases.entity.CaseCounter;
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

    /** Like the database: a message of a case wins over the newest case that merely referred to the id. */
    private final Map<String, Long> caseOfMessage = new HashMap<>();
    private final Map<String, Long> caseOfReference = new HashMap<>();
    private final Set<String> lookedUp = new HashSet<>();
    private final transient Map<Long, SupportCase> touched = new HashMap<>();
    private final transient Map<Long, SupportCase> loaded = new HashMap<>();
    private transient CaseCounter counter;
    /** The cases this transaction opened for answers to maintenance notices, by "maintenance:member". */
    private final Map<String, Long> noticeCases = new HashMap<>();
    /** Requesters acknowledged within the hour, once read (null before): for the overall hourly limit. */
    private Set<String> acknowledgedWithinTheHour;

    /** A case created or changed by this transaction. */
    void touched(SupportCase c) {
        touched.put(c.getNumber(), c);
    }

    /** The Message-ID of a mail (or note) this transaction added to the case. */
    void filed(String messageId, long caseNumber) {
        if (messageId != null) {
            caseOfMessage.put(messageId, caseNumber);
        }
    }

    /** An id a mail of this case referred to, stored by this transaction (the newest reference wins). */
    void referenced(String messageId, long caseNumber) {
        caseOfReference.put(messageId, caseNumber);
    }

    Optional<Long> caseOfMessageId(String messageId) {
        Long number = caseOfMessage.get(messageId);
        return Optional.ofNullable(number != null ? number : caseOfReference.get(messageId));
    }

    /**
     * What the database said of these ids, asked ahead for a whole batch (before this transaction wrote any
     * case): by the cases' own messages, and by the newest reference. Ids it did not know stay unknown.
     */
    void lookedUp(Collection<String> ids, Map<String, Long> byMessage, Map<String, Long> byReference) {
        lookedUp.addAll(ids);
        byMessage.forEach(caseOfMessage::putIfAbsent);
        byReference.forEach(caseOfReference::putIfAbsent);
    }

    /** Whether the database was already asked about this id in this transaction (see {@link #lookedUp}). */
    boolean wasLookedUp(String messageId) {
        return lookedUp.contains(messageId);
    }

    Set<String> acknowledgedWithinTheHour() {
        return acknowledgedWithinTheHour;
    }

    void acknowledgedWithinTheHour(Set<String> fromDatabase) {
        acknowledgedWithinTheHour = new HashSet<>(fromDatabase);
    }

    /** An acknowledgement this transaction queued (counted once the database was read). */
    void acknowledged(String requester) {
        if (acknowledgedWithinTheHour != null) {
            acknowledgedWithinTheHour.add(requester);
        }
    }

    /** This transaction opened case N for the answers to the notices of a maintenance to a member. */
    void noticeCase(long maintenanceId, long memberId, long caseNumber) {
        noticeCases.put(maintenanceId + ":" + memberId, caseNumber);
    }

    Optional<Long> noticeCase(long maintenanceId, long memberId) {
        return Optional.ofNullable(noticeCases.get(maintenanceId + ":" + memberId));
    }

    /** The case counter, once this transaction has locked it; null before. */
    CaseCounter counter() {
        return counter;
    }

    void counter(CaseCounter locked) {
        counter = locked;
    }

    Optional<SupportCase> byNumber(long number) {
        SupportCase c = touched.get(number);
        return Optional.ofNullable(c != null ? c : loaded.get(number));
    }

    /** A case read ahead for a batch (managed by this transaction's persistence context). */
    void loaded(SupportCase c) {
        loaded.put(c.getNumber(), c);
    }

    /** The most recently active case touched here with this requester and subject, active since then. */
    Optional<SupportCase> activeCase(String requester, String normalisedSubject, Instant since) {
        return touched.values().stream()
                .filter(c -> c.getRequester().equals(requester) && normalisedSubject.equals(c.getNormalisedSubject())
                        && !c.getLastActivityAt().isBefore(since))
                .max((a, b) -> a.getLastActivityAt().compareTo(b.getLastActivityAt()));
    }
}
