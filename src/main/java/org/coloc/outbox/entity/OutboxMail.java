package org.coloc.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.outbox.control.CalendarPart;
import org.coloc.outbox.control.ExtraHeader;
import org.coloc.outbox.control.Headers;
import org.coloc.platform.Bounded;

/**
 * A mail the application sends, written in the same transaction as the change that causes it, then sent
 * by the {@code OutboxSender}. Nothing goes out any other way. Its recipients are {@link OutboxRecipient}
 * rows; {@code TO_ADDRESSES} only keeps a bounded summary for reading. A temporary failure is tried again
 * later, waiting longer each time, until {@code coloc.outbox.give-up-after}; a refusal for good ends it at once.
 */
@Entity
@Table(name = "OUTBOX_MAIL", indexes = {
        @Index(name = "IX_OUTBOX_DUE", columnList = "STATUS, NEXT_ATTEMPT_AT"),
        @Index(name = "IX_OUTBOX_MESSAGE_ID", columnList = "MESSAGE_ID"),
        @Index(name = "IX_OUTBOX_RECIPIENT", columnList = "FIRST_RECIPIENT, KIND, CREATED_AT")})
@NamedQuery(name = OutboxMail.DUE, query = "SELECT o.id FROM OutboxMail o WHERE o.status IN ('queued', 'pending', "
        + "'sending') AND o.nextAttemptAt <= :now ORDER BY o.nextAttemptAt, o.id")
@NamedQuery(name = OutboxMail.CLAIM, query = "UPDATE OutboxMail o SET o.status = 'sending', o.nextAttemptAt = :until "
        + "WHERE o.id = :id AND o.status IN ('queued', 'pending', 'sending') AND o.nextAttemptAt <= :now")
@NamedQuery(name = OutboxMail.RELEASE, query = "UPDATE OutboxMail o SET o.status = 'queued', o.nextAttemptAt = :now "
        + "WHERE o.id IN :ids AND o.status = 'sending' AND o.nextAttemptAt = :until")
@NamedQuery(name = OutboxMail.BY_IDS, query = "SELECT o FROM OutboxMail o WHERE o.id IN :ids")
@NamedQuery(name = OutboxMail.DROP, query = "UPDATE OutboxMail o SET o.status = 'dropped' WHERE o.id = :id "
        + "AND o.status IN ('queued', 'pending', 'failed')")
@NamedQuery(name = OutboxMail.REQUEUE, query = "UPDATE OutboxMail o SET o.status = 'queued', o.attempts = 0, "
        + "o.nextAttemptAt = :now, o.queuedAt = :now, o.lastError = NULL WHERE o.id = :id "
        + "AND o.status IN ('queued', 'pending', 'failed', 'dropped')")
@NamedQuery(name = OutboxMail.RECENT_OF_KIND_TO_ANY, query = "SELECT o.firstRecipient, o.id FROM OutboxMail o "
        + "WHERE o.firstRecipient IN :to AND o.kind = :kind AND o.createdAt >= :since")
@NamedQuery(name = OutboxMail.RECENT_OF_KIND_TO, query = "SELECT o.id FROM OutboxMail o WHERE o.firstRecipient = :to "
        + "AND o.kind = :kind AND o.createdAt >= :since")
@NamedQuery(name = OutboxMail.BY_MESSAGE_ID, query = "SELECT o.id FROM OutboxMail o WHERE o.messageId = :id")
@Getter
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String RECENT_OF_KIND_TO = "OutboxMail.recentOfKindTo";
    public static final String CLAIM = "OutboxMail.claim";
    public static final String DROP = "OutboxMail.drop";
    public static final String RELEASE = "OutboxMail.release";
    public static final String BY_IDS = "OutboxMail.byIds";
    public static final String REQUEUE = "OutboxMail.requeue";
    public static final String RECENT_OF_KIND_TO_ANY = "OutboxMail.recentOfKindToAny";
    public static final String BY_MESSAGE_ID = "OutboxMail.byMessageId";

    public static final int MAX_MESSAGE_ID = 255;
    public static final int MAX_TO_SUMMARY = 2000;
    public static final int MAX_SUBJECT = 1000;
    public static final int MAX_IN_REPLY_TO = 1000;
    public static final int MAX_REFERENCES = 8000;
    public static final int MAX_ERROR = 1000;
    public static final int MAX_FIRST_RECIPIENT = 254;
    /** Room for each allowed extra header once, at its longest. */
    public static final int MAX_EXTRA_HEADERS = 4000;

    @Id
    @TableGenerator(name = "OUTBOX_IDS", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OUTBOX_IDS")
    private Long id;

    private String messageId;

    @Convert(converter = OutboxKindConverter.class)
    private OutboxKind kind;

    private Long caseNumber;

    /** For reading only (the recipients are {@link OutboxRecipient} rows): cut with an ellipsis when long. */
    @Getter(AccessLevel.NONE)
    private String toAddresses;

    /** Lowercased; automatic mail has only this one. Indexed for the rate limit of acknowledgements. */
    private String firstRecipient;

    private String subject;

    @Lob
    private String body;

    private String inReplyTo;

    @Column(name = "REFERENCE_IDS")
    private String references;

    /** RFC 3834: "auto-replied" or "auto-generated" for automatic mail; null for what a person wrote. */
    private String autoSubmitted;

    /** Extra headers ({@link ExtraHeader}), one {@code Name: value} per line; null for none. */
    @Getter(AccessLevel.NONE)
    private String extraHeaders;

    /** The iTIP method of the calendar part (REQUEST, PUBLISH, CANCEL); null: a plain text mail. */
    @Getter(AccessLevel.NONE)
    private String calendarMethod;

    /** The calendar part's iCalendar object, sent next to the text. */
    @Getter(AccessLevel.NONE)
    private String calendarBody;

    private String status;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    private Instant createdAt;

    /** Since when it has been trying (creation, or the admin's last retry): the give-up time counts from here. */
    private Instant queuedAt;

    private Instant sentAt;

    protected OutboxMail() {
        // for JPA
    }

    public OutboxMail(String messageId, OutboxKind kind, Long caseNumber, List<String> to, String subject,
            String body, String inReplyTo, List<String> references, String autoSubmitted, Instant now) {
        this(messageId, kind, caseNumber, to, subject, body, inReplyTo, references, autoSubmitted, List.of(), null,
                now);
    }

    public OutboxMail(String messageId, OutboxKind kind, Long caseNumber, List<String> to, String subject,
            String body, String inReplyTo, List<String> references, String autoSubmitted, List<ExtraHeader> headers,
            CalendarPart calendar, Instant now) {
        this.messageId = messageKey(Objects.requireNonNull(messageId));
        this.kind = Objects.requireNonNull(kind);
        this.caseNumber = caseNumber;
        this.toAddresses = Bounded.text(String.join(", ", to), MAX_TO_SUMMARY);
        this.firstRecipient = firstRecipient(to);
        this.subject = Bounded.text(Headers.subject(subject), MAX_SUBJECT);
        this.body = body;
        // an id too long for a header is never sent (see Headers.id); the key keeps the column bounded
        this.inReplyTo = Bounded.key(inReplyTo, MAX_IN_REPLY_TO);
        // first and last few ids of at most 250 characters: 20 x 251 always fits the column
        this.references = String.join(" ", Headers.references(references));
        this.autoSubmitted = autoSubmitted;
        this.extraHeaders = ExtraHeader.store(headers);
        if (this.extraHeaders != null && this.extraHeaders.length() > MAX_EXTRA_HEADERS) {
            throw new IllegalArgumentException("extra headers longer than " + MAX_EXTRA_HEADERS + " characters");
        }
        this.calendarMethod = calendar == null ? null : calendar.method().name();
        this.calendarBody = calendar == null ? null : calendar.ics();
        this.status = OutboxStatus.QUEUED.label();
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.queuedAt = now;
    }

    /** How a Message-ID is stored and looked up (ours are short; a caller's long one still fits). */
    public static String messageKey(String messageId) {
        return Bounded.key(messageId, MAX_MESSAGE_ID);
    }

    /**
     * The key the rate limit counts by: the first recipient, lowercased, cut to the column (an address longer
     * than SMTP allows must still be counted, or a broken auto-responder could loop with us).
     */
    public static String firstRecipient(List<String> to) {
        if (to.isEmpty()) {
            return null;
        }
        String first = to.get(0).toLowerCase(Locale.ROOT);
        return first.length() > MAX_FIRST_RECIPIENT ? first.substring(0, MAX_FIRST_RECIPIENT) : first;
    }

    /**
     * After an attempt, once each recipient was marked (sent, failed, or deferred and still pending): done
     * when no recipient is pending any more; otherwise tried again later, waiting longer each time up to
     * {@code maxDelay}, until {@code giveUpAfter} has passed since it was queued, when the pending recipients
     * fail too.
     */
    public void attempted(List<OutboxRecipient> recipients, Instant now, Duration maxDelay, Duration giveUpAfter) {
        attempts++;
        boolean pending = recipients.stream().anyMatch(OutboxRecipient::isPending);
        if (pending && now.isBefore(getQueuedAt().plus(giveUpAfter))) {
            status = OutboxStatus.QUEUED.label();
            lastError = summary(recipients);
            long seconds = Math.min(maxDelay.toSeconds(), 5L << Math.min(attempts - 1, 20));
            nextAttemptAt = now.plusSeconds(seconds);
            return;
        }
        if (pending) {
            recipients.stream().filter(OutboxRecipient::isPending).forEach(r -> r.failed("gave up after "
                    + giveUpAfter + " of temporary failures" + (r.getError() == null ? "" : ": " + r.getError())));
        }
        boolean sent = recipients.stream().anyMatch(r -> OutboxRecipient.SENT.equals(r.getStatus()));
        status = (sent ? OutboxStatus.SENT : OutboxStatus.FAILED).label();
        sentAt = sent ? now : null;
        lastError = summary(recipients);
    }

    /** The admin's retry (after the row was re-queued): refused addresses are tried again too. */
    public static void retry(List<OutboxRecipient> recipients) {
        recipients.forEach(OutboxRecipient::retry);
    }

    private static String summary(List<OutboxRecipient> recipients) {
        String errors = recipients.stream().filter(r -> r.getError() != null)
                .map(r -> r.getAddress() + ": " + r.getError()).collect(Collectors.joining("; "));
        return errors.isEmpty() ? null : Bounded.text(errors, MAX_ERROR);
    }

    /**
     * The recipients as written by versions that kept them in one column (rows queued before an upgrade);
     * new rows have {@link OutboxRecipient} rows instead.
     */
    public List<String> legacyRecipients() {
        return toAddresses == null || toAddresses.isBlank() ? List.of() : List.of(toAddresses.split(",\\s*"));
    }

    public String getToSummary() {
        return toAddresses;
    }

    public List<String> getReferences() {
        return references == null || references.isBlank() ? List.of() : List.of(references.split(" "));
    }

    /** The extra headers it is sent with (checked again as they are read). */
    public List<ExtraHeader> getHeaders() {
        return ExtraHeader.stored(extraHeaders);
    }

    /** The calendar part sent next to the text, or null. */
    public CalendarPart getCalendar() {
        return calendarMethod == null ? null
                : new CalendarPart(CalendarPart.Method.valueOf(calendarMethod), calendarBody == null ? "" : calendarBody);
    }

    public OutboxStatus getStatus() {
        return OutboxStatus.fromLabel(status);
    }

    public Instant getQueuedAt() {
        return queuedAt != null ? queuedAt : createdAt;
    }
}
