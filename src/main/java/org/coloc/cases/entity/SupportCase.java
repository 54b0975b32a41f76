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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
        @Index(name = "IX_CASE_CLOSE", columnList = "CLOSE_AT")})
@NamedQuery(name = SupportCase.BY_NUMBER, query = "SELECT c FROM SupportCase c WHERE c.number = :number")
@NamedQuery(name = SupportCase.BY_NUMBERS, query = "SELECT c FROM SupportCase c WHERE c.number IN :numbers")
@NamedQuery(name = SupportCase.MAX_NUMBER, query = "SELECT MAX(c.number) FROM SupportCase c")
@NamedQuery(name = SupportCase.TO_REMIND, query = "SELECT c FROM SupportCase c WHERE c.remindAdminAt <= :now "
        + "AND c.state IN ('new', 'waiting-admin') ORDER BY c.number")
@NamedQuery(name = SupportCase.TO_CLOSE, query = "SELECT c FROM SupportCase c WHERE c.closeAt <= :now "
        + "AND c.state = 'waiting-requester' ORDER BY c.number")
public class SupportCase extends TrackedRecord {

    public static final String BY_NUMBER = "SupportCase.byNumber";
    public static final String BY_NUMBERS = "SupportCase.byNumbers";
    public static final String MAX_NUMBER = "SupportCase.maxNumber";
    public static final String TO_REMIND = "SupportCase.toRemind";
    public static final String TO_CLOSE = "SupportCase.toClose";

    @Column(name = "CASE_NUMBER", nullable = false)
    private long number;

    @Column(name = "SUBJECT", length = 1000)
    private String subject;

    @Column(name = "NORMALISED_SUBJECT", length = 1000)
    private String normalisedSubject;

    @Column(name = "REQUESTER", nullable = false, length = 254)
    private String requester;

    @Column(name = "REQUESTER_NAME", length = 255)
    private String requesterName;

    /** Everyone who wrote in or was copied, lower-case, requester included. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CASE_PARTICIPANT", joinColumns = @JoinColumn(name = "CASE_ID"),
            indexes = @Index(name = "IX_CASE_PARTICIPANT", columnList = "CASE_ID"))
    @Column(name = "ADDRESS", length = 254, nullable = false)
    private Set<String> participants = new LinkedHashSet<>();

    @Column(name = "STATE", nullable = false, length = 20)
    private String state;

    @Column(name = "LANGUAGE", nullable = false, length = 2)
    private String language;

    /** Opened by a mail carrying the tag of a case its sender does not take part in: worth a look. */
    @Column(name = "FOREIGN_TAG", nullable = false)
    private boolean foreignTag;

    @Column(name = "MEMBER_ID")
    private Long memberId;

    @Column(name = "VM_ID")
    private Long vmId;

    @Column(name = "LAST_ACTIVITY_AT", nullable = false)
    private Instant lastActivityAt;

    /** Addresses our mails for this case bounced from, with the status (e.g. "x@y.org (5.1.1)"). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CASE_FAILING_ADDRESS", joinColumns = @JoinColumn(name = "CASE_ID"),
            indexes = @Index(name = "IX_CASE_FAILING", columnList = "CASE_ID"))
    @Column(name = "ADDRESS", length = 300, nullable = false)
    private Set<String> failingAddresses = new LinkedHashSet<>();

    /** When to remind the admin of this case if it still waits for him (deadline swept by a timer). */
    @Column(name = "REMIND_ADMIN_AT")
    private Instant remindAdminAt;

    /** When to close this case if the requester still has not answered (deadline swept by a timer). */
    @Column(name = "CLOSE_AT")
    private Instant closeAt;

    protected SupportCase() {
        // for JPA
    }

    public SupportCase(long number, String subject, String normalisedSubject, String requester, String requesterName,
            String language, boolean foreignTag, Instant now, Deadlines deadlines) {
        this.number = number;
        this.subject = clip(subject, 1000);
        this.normalisedSubject = clip(normalisedSubject, 1000);
        this.requester = Objects.requireNonNull(requester).toLowerCase(Locale.ROOT);
        this.requesterName = clip(requesterName, 255);
        this.participants.add(this.requester);
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

    /** A mail from the requester or a participant arrived: the admin has something to answer. */
    public void incoming(Set<String> addresses, Instant now, Deadlines deadlines) {
        addresses.forEach(a -> participants.add(a.toLowerCase(Locale.ROOT)));
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

    public void link(Long member, Long vm, Instant now) {
        this.memberId = member;
        this.vmId = vm;
        touch(now);
    }

    /** A bounce came back for one of our mails of this case. */
    public void failing(String address, String status, Instant now) {
        String entry = address.toLowerCase(Locale.ROOT) + (status == null ? "" : " (" + status + ")");
        failingAddresses.removeIf(e -> e.startsWith(address.toLowerCase(Locale.ROOT) + " ") || e.equals(address));
        failingAddresses.add(entry.length() > 300 ? entry.substring(0, 300) : entry);
        touch(now);
    }

    public Set<String> getFailingAddresses() {
        return Set.copyOf(failingAddresses);
    }

    public boolean takesPart(String address) {
        return address != null && participants.contains(address.toLowerCase(Locale.ROOT));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public long getNumber() {
        return number;
    }

    public String getSubject() {
        return subject;
    }

    public String getNormalisedSubject() {
        return normalisedSubject;
    }

    public String getRequester() {
        return requester;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public Set<String> getParticipants() {
        return Set.copyOf(participants);
    }

    public CaseState getState() {
        return CaseState.fromLabel(state);
    }

    public String getLanguage() {
        return language;
    }

    public boolean isForeignTag() {
        return foreignTag;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Long getVmId() {
        return vmId;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getRemindAdminAt() {
        return remindAdminAt;
    }

    public Instant getCloseAt() {
        return closeAt;
    }
}
