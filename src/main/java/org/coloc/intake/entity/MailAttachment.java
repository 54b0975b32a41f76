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

/** One attachment of an ingested mail, with its decoded content. */
@Entity
@Table(name = "MAIL_ATTACHMENT", indexes = @Index(name = "IX_ATTACHMENT_MAIL", columnList = "MAIL_ID"))
@NamedQuery(name = MailAttachment.OF_MAIL, query = "SELECT NEW org.coloc.intake.entity.AttachmentInfo("
        + "a.id, a.position, a.name, a.contentType, a.size) FROM MailAttachment a WHERE a.mailId = :mailId "
        + "ORDER BY a.position")
@NamedQuery(name = MailAttachment.DELETE_OF_MAIL, query = "DELETE FROM MailAttachment a WHERE a.mailId = :mailId")
public class MailAttachment {

    public static final String OF_MAIL = "MailAttachment.ofMail";
    public static final String DELETE_OF_MAIL = "MailAttachment.deleteOfMail";

    @Id
    @TableGenerator(name = "ATTACHMENT_IDS", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ATTACHMENT_IDS")
    private Long id;

    @Column(name = "MAIL_ID", nullable = false)
    private Long mailId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "NAME", length = 255)
    private String name;

    @Column(name = "CONTENT_TYPE", length = 255)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Lob
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

    protected MailAttachment() {
        // for JPA
    }

    public MailAttachment(Long mailId, int position, String name, String contentType, byte[] content) {
        this.mailId = mailId;
        this.position = position;
        this.name = InboundMail.clip(name, 255);
        this.contentType = InboundMail.clip(contentType, 255);
        this.content = content;
        this.size = content.length;
    }

    public Long getId() {
        return id;
    }

    public Long getMailId() {
        return mailId;
    }

    public String getName() {
        return name;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
