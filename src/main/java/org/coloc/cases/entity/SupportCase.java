package org.coloc.cases.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import lombok.Getter;
import org.coloc.platform.Bounded;
import org.coloc.platform.TrackedRecord;

/**
 * A conversation with someone who wrote to the coloc address: a short number (#42), a requester and the other
 * participants, a state, and its messages ({@link CaseMessage}).
 */
@Entity
@Table(name = "SUPPORT_CASE", indexes = {
        @Index(name = "IX_CASE_NUMBER", columnList = "CASE_NUMBER", unique = true),
        @Index(name = "IX_CASE_REQUESTER_SUBJECT", columnList = "REQUESTER, NORMALISED_SUBJECT"),
        @Index(name = "IX_CASE_ACTIVITY", columnList = "LAST_ACTIVITY_AT"),
        @Index(name = "IX_CASE_REMIND", columnList = "REMIND_ADMIN_AT"),
        @Index(name = "IX_CASE_CLOSE", columnList = "CLOSE_AT"),
        @Index(name = "IX_CASE_ACKNOWLEDGED", columnList = "ACKNOWLEDGED_AT"),
        @Index(name = "IX_CASE_MAINTENANCE", columnList = "MAINTENANCE_ID, MEMBER_ID")})
@NamedQuery(name = SupportCase.BY_NUMBER, query = "SELECT c FROM SupportCase c WHERE c.number = :number")
@NamedQuery(name = SupportCase.BY_NUMBERS, query = "SELECT c FROM SupportCase c WHERE c.number IN :numbers")
@NamedQuery(name = SupportCase.ACKNOWLEDGED_SINCE, query = "SELECT DISTINCT c.requester FROM SupportCase c "
        + "WHERE c.acknowledgedAt >= :since")
@NamedQuery(name = SupportCase.MAX_NUMBER, query = "SELECT MAX(c.number) FROM SupportCase c")
@NamedQuery(name = SupportCase.OF_NOTICE, query = "SELECT c.number FROM SupportCase c "
        + "WHERE c.maintenanceId = :maintenance AND c.memberId = :member ORDER BY c.number")
@NamedQuery(name = SupportCase.TO_REMIND, query = "SELECT c FROM SupportCase c WHERE c.remindAdminAt <= :now "
        + "AND c.state IN ('new', 'waiting-admin') ORDER BY c.number")
@NamedQuery(name = SupportCase.TO_CLOSE, query = "SELECT c FROM SupportCase c WHERE c.closeAt <= :now "
        + "AND c.state = 'waiting-requester' ORDER BY c.number")
@Getter
public class SupportCase extends TrackedRecord {

    public static final String BY_NUMBER = "SupportCase.byNumber";
    public static final String BY_NUMBERS = "SupportCase.byNumbers";
    public static final String MAX_NUMBER = "SupportCase.maxNumber";
    public static final String ACKNOWLEDGED_SINCE = "SupportCase.acknowledgedSince";
    public static final String OF_NOTICE = "SupportCase.ofNotice";
    /** Column lengths; outside values are bounded to them with {@link Bounded}. */
    public static final int SUBJECT_MAX = 1000;
    public static final int ADDRESS_MAX = 254;
    public static final int NAME_MAX = 255;
    public static final int FAILING_MAX = 300;
    public static final String TO_REMIND = "SupportCase.toRemind";
    public static final String TO_CLOSE = "SupportCase.toClose";

    @Column(name = "CASE_NUMBER")
    private long number;

    private String subject;

    private String normalisedSubject;

    private String requester;

    private String requesterName;

    /**
     * Whom the admin's replies go to, lower-case, requester included: see {@code Participants} for who may
     * join. Bounded by {@code coloc.cases.max-participants}.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CASE_PARTICIPANT", joinColumns = @JoinColumn(name = "CASE_ID"),
            indexes = @Index(name = "IX_CASE_PARTICIPANT", columnList = "CASE_ID"))
    private Set<CaseParticipant> participants = new LinkedHashSet<>();

    private String state;

    private String language;

    /** Opened by a mail carrying the tag of a case its sender does not take part in: worth a look. */
    private boolean foreignTag;

    private Long memberId;

    private Long vmId;

    /** The maintenance whose notices this case answers (one case per maintenance and member); null for others. */
    private Long maintenanceId;

    private Instant lastActivityAt;

    /** Addresses our mails for this case bounced from, with the status (e.g. "x@y.org (5.1.1)"). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CASE_FAILING_ADDRESS", joinColumns = @JoinColumn(name = "CASE_ID"),
            indexes = @Index(name = "IX_CASE_FAILING", columnList = "CASE_ID"))
    @Column(name = "ADDRESS")
    private Set<String> failingAddresses = new LinkedHashSet<>();

    /** When this case's requester was sent an acknowledgement (for the overall hourly limit); null: none. */
    private Instant acknowledgedAt;

    /** When to remind the admin of this case if it still waits for him (deadline swept by a timer). */
    private Instant remindAdminAt;

    /** When to close this case if the requester still has not answered (deadline swept by a timer). */
    private Instant closeAt;

    protected SupportCase() {
        // for JPA
    }

    public SupportCase(long number, String subject, String normalisedSubject, String requester, String requesterName,
            String language, boolean foreignTag, Instant now, Deadlines deadlines) {
        this.number = number;
        this.subject = Bounded.text(subject, SUBJECT_MAX);
        this.normalisedSubject = subjectKey(normalisedSubject);
        this.requester = addressKey(Objects.requireNonNull(requester));
        this.requesterName = Bounded.text(requesterName, NAME_MAX);
        this.participants.add(new CaseParticipant(this.requester, this.requester, now));
        this.state = CaseState.NEW.label();
        this.language = language;
        this.foreignTag = foreignTag;
        this.lastActivityAt = now;
        this.remindAdminAt = now.plus(deadlines.remindAfter());
        touch(now);
    }

    /** The delays that drive the timers (configuration). */
    public record Deadlines(java.time.Duration remindAfter, java.time.Duration remindEvery,
            java.time.Duration closeAfter) {
    }

    /**
     * The requester as stored and looked up: lower-case, and bounded to the column (an address longer than a
     * mail path still opens a case; it is stored as a prefix and a hash, and every lookup uses this key).
     */
    public static String addressKey(String address) {
        return address == null ? null : Bounded.key(address.strip().toLowerCase(Locale.ROOT), ADDRESS_MAX);
    }

    /** The normalised subject as stored and compared (threading by subject looks it up). */
    public static String subjectKey(String normalisedSubject) {
        return Bounded.key(normalisedSubject, SUBJECT_MAX);
    }

    /** A mail arrived for this case (threaded into it): the admin has something to answer. */
    public void incoming(Instant now, Deadlines deadlines) {
        if (!CaseState.NEW.label().equals(state)) {
            state = CaseState.WAITING_ADMIN.label();
        }
        // the admin's clock starts when the case starts waiting for him, not at every new mail
        if (remindAdminAt == null) {
            remindAdminAt = now.plus(deadlines.remindAfter());
        }
        closeAt = null;
        lastActivityAt = now;
        touch(now);
    }

    /** The admin answered: the ball is in the requester's court. */
    public void answered(Instant now, Deadlines deadlines) {
        state = CaseState.WAITING_REQUESTER.label();
        remindAdminAt = null;
        closeAt = now.plus(deadlines.closeAfter());
        lastActivityAt = now;
        touch(now);
    }

    public void changeState(CaseState newState, Instant now, Deadlines deadlines) {
        state = newState.label();
        switch (newState) {
            case CLOSED -> {
                remindAdminAt = null;
                closeAt = null;
            }
            case WAITING_REQUESTER -> {
                remindAdminAt = null;
                closeAt = now.plus(deadlines.closeAfter());
            }
            default -> {
                closeAt = null;
                if (remindAdminAt == null) {
                    remindAdminAt = now.plus(deadlines.remindAfter());
                }
            }
        }
        touch(now);
    }

    /** The admin was reminded: again after {@code remindEvery} if he still has not answered. */
    public void reminded(Instant now, Deadlines deadlines) {
        remindAdminAt = now.plus(deadlines.remindEvery());
    }

    /** Closed for lack of an answer. */
    public void closedForSilence(Instant now) {
        state = CaseState.CLOSED.label();
        closeAt = null;
        remindAdminAt = null;
        touch(now);
    }

    /** Opened by a member's answer to a notice of this maintenance: linked to both. */
    public void answersNotice(long maintenance, long member, Instant now) {
        this.maintenanceId = maintenance;
        this.memberId = member;
        touch(now);
    }

    public void link(Long member, Long vm, Instant now) {
        this.memberId = member;
        this.vmId = vm;
        touch(now);
    }

    /** Someone joins the circle the admin's replies go to; false if the address already takes part. */
    public boolean join(CaseParticipant participant, Instant now) {
        boolean added = participants.add(participant);
        if (added) {
            touch(now);
        }
        return added;
    }

    /** A participant is removed (the requester stays: the case is his). False if he was not one. */
    public boolean leave(String address, Instant now) {
        String a = addressKey(address);
        if (a == null || a.equals(requester)) {
            return false;
        }
        boolean removed = participants.removeIf(p -> p.getAddress().equals(a));
        if (removed) {
            touch(now);
        }
        return removed;
    }

    /** An acknowledgement went to the requester. */
    public void acknowledged(Instant now) {
        acknowledgedAt = now;
    }

    /** A bounce came back for one of our mails of this case. */
    public void failing(String address, String status, Instant now) {
        String a = address.toLowerCase(Locale.ROOT);
        String entry = a + (status == null ? "" : " (" + status + ")");
        failingAddresses.removeIf(e -> e.startsWith(a + " ") || e.equals(a));
        failingAddresses.add(Bounded.text(entry, FAILING_MAX));
        touch(now);
    }

    public Set<String> getFailingAddresses() {
        return Set.copyOf(failingAddresses);
    }

    public boolean takesPart(String address) {
        String a = addressKey(address);
        return a != null && participants.stream().anyMatch(p -> p.getAddress().equals(a));
    }

    /** The participants' addresses, in the order they joined (requester first). */
    public List<String> getParticipants() {
        return participants.stream().map(CaseParticipant::getAddress).toList();
    }

    public List<CaseParticipant> getParticipantDetails() {
        return List.copyOf(participants);
    }

    public CaseState getState() {
        return CaseState.fromLabel(state);
    }
}
