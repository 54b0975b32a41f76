package org.coloc.intake.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.platform.Bounded;

/**
 * How far a mailbox folder has been committed: every UID up to {@code lastUid} under {@code uidValidity}
 * is in the database. A new UIDVALIDITY means the server renumbered: start over (de-duplication keeps
 * that safe).
 */
@Entity
@Table(name = "MAILBOX_CHECKPOINT")
@Getter
public class MailboxCheckpoint {

    static final int MAILBOX_MAX = 500;

    @Id
    private String mailbox;

    private long uidValidity;

    private long lastUid;

    @Getter(AccessLevel.NONE)
    private Instant updatedAt;

    protected MailboxCheckpoint() {
        // for JPA
    }

    public MailboxCheckpoint(String mailbox, long uidValidity, Instant now) {
        this.mailbox = keyOf(mailbox);
        this.uidValidity = uidValidity;
        this.updatedAt = now;
    }

    /** The stored key of a mailbox name (user, host, port, folder): lookups must go through it too. */
    public static String keyOf(String mailbox) {
        return Bounded.key(mailbox, MAILBOX_MAX);
    }

    /** Records that everything up to {@code uid} is committed (never moves backwards within a UIDVALIDITY). */
    public void advance(long validity, long uid, Instant now) {
        if (validity != uidValidity) {
            uidValidity = validity;
            lastUid = 0;
        }
        lastUid = Math.max(lastUid, uid);
        updatedAt = now;
    }

    /** The last committed UID, or 0 if the server renumbered since. */
    public long lastUidUnder(long validity) {
        return validity == uidValidity ? lastUid : 0;
    }
}
