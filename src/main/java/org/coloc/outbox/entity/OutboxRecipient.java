package org.coloc.outbox.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.util.Objects;
import lombok.Getter;
import org.coloc.platform.Bounded;

/**
 * One address an outbox mail goes to, one row each, so a mail may have any number of recipients. Each has
 * its own fate: with several recipients, one refused address must neither stop nor hide the delivery to the
 * others. Addresses are stored as given (never split on commas: {@code "a,b"@x} is one address).
 */
@Entity
@Table(name = "OUTBOX_RECIPIENT", indexes = {
        @Index(name = "IX_OUTBOX_RECIPIENT_MAIL", columnList = "MAIL_ID, POSITION")})
@NamedQuery(name = OutboxRecipient.OF_MAIL, query = "SELECT r FROM OutboxRecipient r WHERE r.mailId = :mail "
        + "ORDER BY r.position")
@NamedQuery(name = OutboxRecipient.OF_MAILS, query = "SELECT r FROM OutboxRecipient r WHERE r.mailId IN :mails "
        + "ORDER BY r.mailId, r.position")
@Getter
public class OutboxRecipient {

    public static final String OF_MAIL = "OutboxRecipient.ofMail";
    public static final String OF_MAILS = "OutboxRecipient.ofMails";
    /**
     * SMTP carries at most 254 characters of address; a longer one is kept as a key (prefix and hash, over
     * 254 characters), so it is recognisable, fits, and is refused when sending rather than cut into another
     * address.
     */
    public static final int MAX_ADDRESS = 320;
    public static final int MAX_ERROR = 500;

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @TableGenerator(name = "OUTBOX_RECIPIENT_IDS", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OUTBOX_RECIPIENT_IDS")
    private Long id;

    private long mailId;

    private int position;

    private String address;

    private String status;

    private String error;

    protected OutboxRecipient() {
        // for JPA
    }

    public OutboxRecipient(long mailId, int position, String address) {
        this.mailId = mailId;
        this.position = position;
        this.address = Bounded.key(Objects.requireNonNull(address), MAX_ADDRESS);
        this.status = PENDING;
    }

    public void sent() {
        status = SENT;
        error = null;
    }

    /** Refused for good: this address is never tried again (unless the admin retries the mail). */
    public void failed(String reason) {
        status = FAILED;
        error = Bounded.text(reason, MAX_ERROR);
    }

    /** Not taken this time, for a reason that may pass: tried again at the next attempt. */
    public void deferred(String reason) {
        status = PENDING;
        error = Bounded.text(reason, MAX_ERROR);
    }

    /** The admin asked for another try: a refused address is tried again. */
    void retry() {
        if (FAILED.equals(status)) {
            status = PENDING;
        }
        error = null;
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }
}
