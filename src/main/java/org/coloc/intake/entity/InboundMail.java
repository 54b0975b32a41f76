package org.coloc.intake.entity;

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
import java.time.Instant;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.platform.Bounded;

/**
 * A mail as received: stored once per Message-ID (or content hash), either ingested (parsed and classified)
 * or quarantined (with the reason). The raw bytes live in {@link RawMail}, the one source of truth: headers,
 * recipients, HTML and attachments are parsed from them when a mail is opened, so they cost nothing at
 * intake and a better parser improves old mail too. Kept here: what lists, filters and later stages query.
 */
@Entity
@Table(name = "INBOUND_MAIL", indexes = {
        // newest first, as /api/messages lists them: Derby reads an index only forwards, and without this
        // one sorted the whole table on every page (8 ms at 20,000 mails, 0.1 ms with it)
        @Index(name = "IX_INBOUND_MAIL_NEWEST", columnList = "RECEIVED_AT DESC, ID DESC"),
        @Index(name = "IX_INBOUND_MAIL_MESSAGE_ID", columnList = "MESSAGE_ID")})
@NamedQuery(name = InboundMail.EXISTING_KEYS,
        query = "SELECT m.dedupeKey FROM InboundMail m WHERE m.dedupeKey IN :keys")
@NamedQuery(name = InboundMail.BY_KEY, query = "SELECT m FROM InboundMail m WHERE m.dedupeKey = :key")
@NamedQuery(name = InboundMail.IDS_OF_KEYS,
        query = "SELECT m.id, m.dedupeKey FROM InboundMail m WHERE m.dedupeKey IN :keys")
@Getter
public class InboundMail {

    public static final String EXISTING_KEYS = "InboundMail.existingKeys";
    public static final String BY_KEY = "InboundMail.byKey";
    public static final String IDS_OF_KEYS = "InboundMail.idsOfKeys";

    // every string below comes from a stranger's mail: each is bounded to its column (org.coloc.platform.Bounded)
    static final int SHORT = 255;
    static final int TEXT_INLINE_MAX = 32_000;
    static final int LONG = 1000;
    static final int KEY = 120;
    static final int LABEL = 20;

    @Id
    @TableGenerator(name = "MAIL_IDS", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MAIL_IDS")
    private Long id;

    private String dedupeKey;

    private String messageId;

    private String status;

    private Instant receivedAt;

    private long rawSize;

    private String source;

    private String error;

    private String fromAddress;

    private String fromName;

    private String subject;

    private Instant sentAt;

    private String classification;

    private String classificationReason;

    private String failedRecipient;

    private String deliveryStatus;

    private String inReplyTo;

    // the text a person reads; short ones in a plain column (fast in Derby), long ones in a CLOB
    @Getter(AccessLevel.NONE)
    private String textInline;

    @Getter(AccessLevel.NONE)
    @Lob
    @Column(name = "TEXT_BODY")
    private String textLarge;

    protected InboundMail() {
        // for JPA
    }

    public InboundMail(String dedupeKey, String messageId, Instant receivedAt, long rawSize, String source) {
        this.dedupeKey = Bounded.key(Objects.requireNonNull(dedupeKey), KEY);
        // an identifier: a long one keeps a prefix and a hash of the whole, so two never become equal
        this.messageId = Bounded.key(messageId, LONG);
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.rawSize = rawSize;
        this.source = clip(source, SHORT);
        this.status = MailStatus.QUARANTINED.label();
        this.error = "not parsed yet";
    }

    /** The parse worked: record what a person and the later stages need. */
    public void ingested(ParsedFields f) {
        this.status = MailStatus.INGESTED.label();
        this.error = null;
        this.fromAddress = clip(f.fromAddress(), SHORT);
        this.fromName = clip(f.fromName(), SHORT);
        this.subject = clip(f.subject(), LONG);
        this.sentAt = f.sentAt();
        this.classification = clip(f.classification(), LABEL);
        this.classificationReason = clip(f.classificationReason(), SHORT);
        this.failedRecipient = clip(f.failedRecipient(), SHORT);
        this.deliveryStatus = clip(f.deliveryStatus(), LABEL);
        this.inReplyTo = Bounded.key(f.inReplyTo(), LONG);
        String text = f.text();
        boolean small = text == null || text.length() <= TEXT_INLINE_MAX;
        this.textInline = small ? text : null;
        this.textLarge = small ? null : text;
    }

    /** The mail could not be taken in; its raw bytes stay, with the reason, until someone retries it. */
    public void quarantined(String reason) {
        this.status = MailStatus.QUARANTINED.label();
        this.error = clip(reason == null ? "unknown error" : reason, LONG);
    }

    /** Best-effort identification of a quarantined mail, from whatever headers could be read. */
    public void identify(String fromAddress, String subject) {
        this.fromAddress = clip(fromAddress, SHORT);
        this.subject = clip(subject, LONG);
    }

    static String clip(String s, int max) {
        return Bounded.text(s, max);
    }

    public boolean isQuarantined() {
        return MailStatus.QUARANTINED.label().equals(status);
    }

    public String getText() {
        return textInline != null ? textInline : textLarge;
    }
}
