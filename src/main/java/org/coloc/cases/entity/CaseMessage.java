package org.coloc.cases.entity;

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
import java.time.Instant;
import lombok.Getter;
import org.coloc.platform.Bounded;

/**
 * One entry of a case's thread: an incoming mail, an outgoing mail (written from the API or by the admin
 * from his own client), or an internal note. {@code text} is the new text only, quotes and signature
 * removed; the full mail stays in the intake ({@code mailId}) or the outbox ({@code outboxMessageId}).
 */
@Entity
@Table(name = "CASE_MESSAGE", indexes = {
        @Index(name = "IX_CASE_MESSAGE_CASE", columnList = "CASE_ID, WRITTEN_AT"),
        @Index(name = "IX_CASE_MESSAGE_MESSAGE_ID", columnList = "MESSAGE_ID")})
@NamedQuery(name = CaseMessage.OF_CASE, query = "SELECT m FROM CaseMessage m WHERE m.caseId = :caseId "
        + "ORDER BY m.at, m.id")
@NamedQuery(name = CaseMessage.CASE_OF_MESSAGE_ID, query = "SELECT c.number FROM CaseMessage m, SupportCase c "
        + "WHERE c.id = m.caseId AND m.messageId = :messageId")
@NamedQuery(name = CaseMessage.CASES_OF_MESSAGE_IDS, query = "SELECT m.messageId, c.number FROM CaseMessage m, "
        + "SupportCase c WHERE c.id = m.caseId AND m.messageId IN :ids")
@Getter
public class CaseMessage {

    public static final String OF_CASE = "CaseMessage.ofCase";
    public static final String CASE_OF_MESSAGE_ID = "CaseMessage.caseOfMessageId";
    public static final String CASES_OF_MESSAGE_IDS = "CaseMessage.casesOfMessageIds";
    public static final int MESSAGE_ID_MAX = 998;
    public static final int AUTHOR_MAX = 254;

    @Id
    @TableGenerator(name = "CASE_MESSAGE_IDS", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CASE_MESSAGE_IDS")
    private Long id;

    private long caseId;

    @Convert(converter = MessageDirectionConverter.class)
    private MessageDirection direction;

    private String messageId;

    private Long mailId;

    private String author;

    @Column(name = "WRITTEN_AT")
    private Instant at;

    @Lob
    @Column(name = "TEXT_BODY")
    private String text;

    protected CaseMessage() {
        // for JPA
    }

    public CaseMessage(long caseId, MessageDirection direction, String messageId, Long mailId, String author, Instant at,
            String text) {
        this.caseId = caseId;
        this.direction = java.util.Objects.requireNonNull(direction, "direction");
        this.messageId = idKey(messageId);
        this.mailId = mailId;
        this.author = Bounded.text(author, AUTHOR_MAX);
        this.at = at;
        this.text = text;
    }

    /**
     * A Message-ID as stored and looked up: unchanged up to the column's length, else a prefix and a hash of
     * the whole id (a 1,221-character id is legal enough to arrive). Every lookup by id goes through here, so a
     * reply naming a long id still finds its case.
     */
    public static String idKey(String messageId) {
        return Bounded.key(messageId, MESSAGE_ID_MAX);
    }
}
