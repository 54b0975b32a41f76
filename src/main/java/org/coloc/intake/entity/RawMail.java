package org.coloc.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.Objects;

/** The exact RFC 822 bytes of an {@link InboundMail}, kept for ever: nothing we receive is lost. */
@Entity
@Table(name = "RAW_MAIL")
public class RawMail {

    @Id
    @Column(name = "MAIL_ID")
    private Long mailId;

    @Lob
    @Column(name = "BYTES", nullable = false)
    private byte[] bytes;

    protected RawMail() {
        // for JPA
    }

    public RawMail(Long mailId, byte[] bytes) {
        this.mailId = Objects.requireNonNull(mailId);
        this.bytes = Objects.requireNonNull(bytes);
    }

    public byte[] getBytes() {
        return bytes;
    }
}
