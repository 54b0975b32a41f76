package org.coloc.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * The exact RFC 822 bytes of an {@link InboundMail}, kept for ever: nothing we receive is lost. Most mails are
 * small; they go into a plain binary column, which Derby writes several times faster than a BLOB. Only the
 * big ones take the BLOB.
 */
@Entity
@Table(name = "RAW_MAIL")
public class RawMail {

    /** The largest value Derby's VARCHAR FOR BIT DATA holds. */
    static final int INLINE_MAX = 32_672;

    @Id
    private Long mailId;

    @Column(name = "INLINE_BYTES")
    private byte[] inline;

    @Lob
    @Column(name = "BYTES")
    private byte[] large;

    protected RawMail() {
        // for JPA
    }

    public RawMail(Long mailId, byte[] bytes) {
        this.mailId = Objects.requireNonNull(mailId);
        Objects.requireNonNull(bytes);
        if (bytes.length <= INLINE_MAX) {
            this.inline = bytes;
        } else {
            this.large = bytes;
        }
    }

    public byte[] getBytes() {
        return inline != null ? inline : large;
    }
}
