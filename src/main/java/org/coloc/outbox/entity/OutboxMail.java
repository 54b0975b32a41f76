package org.coloc.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail the application sends, written in the same transaction as the change that causes it, then sent
 * by the {@code OutboxSender} with retries. Nothing goes out any other way.
 */
@Entity
@Table(name = "OUTBOX_MAIL", indexes = {
        @Index(name = "IX_OUTBOX_DUE", columnList = "STATUS, NEXT_ATTEMPT_AT"),
        @Index(name = "IX_OUTBOX_MESSAGE_ID", columnList = "MESSAGE_ID"),
        @Index(name = "IX_OUTBOX_RECIPIENT", columnList = "FIRST_RECIPIENT, KIND, CREATED_AT")})
@NamedQuery(name = OutboxMail.DUE, query = "SELECT o.id FROM OutboxMail o WHERE o.status = 'pending' "
        + "AND o.nextAttemptAt <= :now ORDER BY o.nextAttemptAt, o.id")
@NamedQuery(name = OutboxMail.CLAIM, query = "UPDATE OutboxMail o SET o.nextAttemptAt = :until WHERE o.id = :id "
        + "AND o.status = 'pending' AND o.nextAttemptAt <= :now")
@NamedQuery(name = OutboxMail.RECENT_OF_KIND_TO_ANY, query = "SELECT o.firstRecipient, o.id FROM OutboxMail o "
        + "WHERE o.firstRecipient IN :to AND o.kind = :kind AND o.createdAt >= :since")
@NamedQuery(name = OutboxMail.RECENT_OF_KIND_TO, query = "SELECT o.id FROM OutboxMail o WHERE o.firstRecipient = :to "
        + "AND o.kind = :kind AND o.createdAt >= :since")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String RECENT_OF_KIND_TO = "OutboxMail.recentOfKindTo";
    public static final String CLAIM = "OutboxMail.claim";
    public static final String RECENT_OF_KIND_TO_ANY = "OutboxMail.recentOfKindToAny";

    @Id
    @TableGenerator(name = "OUTBOX_IDS", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OUTBOX_IDS")
    private Long id;

    @Column(name = "MESSAGE_ID", nullable = false, length = 255)
    private String messageId;

    @Column(name = "KIND", nullable = false, length = 30)
    private String kind;

    @Column(name = "CASE_NUMBER")
    private Long caseNumber;

    @Column(name = "TO_ADDRESSES", nullable = false, length = 2000)
    private String toAddresses;

    /** Lowercased; automatic mail has only this one. Indexed for the rate limit of acknowledgements. */
    @Column(name = "FIRST_RECIPIENT", length = 254)
    private String firstRecipient;

    @Column(name = "SUBJECT", nullable = false, length = 1000)
    private String subject;

    @Lob
    @Column(name = "BODY", nullable = false)
    private String body;

    @Column(name = "IN_REPLY_TO", length = 1000)
    private String inReplyTo;

    @Column(name = "REFERENCE_IDS", length = 8000)
    private String references;

    /** RFC 3834: "auto-replied" or "auto-generated" for automatic mail; null for what a person wrote. */
    @Column(name = "AUTO_SUBMITTED", length = 30)
    private String autoSubmitted;

    @Column(name = "STATUS", nullable = false, length = 20)
    private String status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    protected OutboxMail() {
        // for JPA
    }

    public OutboxMail(String messageId, String kind, Long caseNumber, List<String> to, String subject, String body,
            String inReplyTo, List<String> references, String autoSubmitted, Instant now) {
        this.messageId = Objects.requireNonNull(messageId);
        this.kind = Objects.requireNonNull(kind);
        this.caseNumber = caseNumber;
        this.toAddresses = String.join(", ", to);
        this.firstRecipient = firstRecipient(to);
        this.subject = subject.length() > 1000 ? subject.substring(0, 1000) : subject;
        this.body = body;
        this.inReplyTo = inReplyTo;
        String refs = references == null ? null : String.join(" ", references);
        // keep the newest references when a thread grew very long
        this.references = refs != null && refs.length() > 8000 ? refs.substring(refs.length() - 8000) : refs;
        this.autoSubmitted = autoSubmitted;
        this.status = "pending";
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * The key the rate limit counts by: the first recipient, lowercased, cut to the column (an address longer
     * than SMTP allows must still be counted, or a broken auto-responder could loop with us).
     */
    public static String firstRecipient(List<String> to) {
        if (to.isEmpty()) {
            return null;
        }
        String first = to.get(0).toLowerCase(java.util.Locale.ROOT);
        return first.length() > 254 ? first.substring(0, 254) : first;
    }

    public void sent(Instant now) {
        status = "sent";
        sentAt = now;
        lastError = null;
    }

    /** After a failed attempt: try again later, waiting longer each time, up to {@code maxDelay}. */
    public void failed(String error, Instant now, Duration maxDelay) {
        attempts++;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        long seconds = Math.min(maxDelay.toSeconds(), 5L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plusSeconds(seconds);
    }

    public Long getId() {
        return id;
    }

    public String getFirstRecipient() {
        return firstRecipient;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getKind() {
        return kind;
    }

    public Long getCaseNumber() {
        return caseNumber;
    }

    public List<String> getTo() {
        return List.of(toAddresses.split(",\\s*"));
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public List<String> getReferences() {
        return references == null || references.isBlank() ? List.of() : List.of(references.split(" "));
    }

    public String getAutoSubmitted() {
        return autoSubmitted;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
