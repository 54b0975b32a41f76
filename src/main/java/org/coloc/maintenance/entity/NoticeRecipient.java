package org.coloc.maintenance.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import org.coloc.platform.NumberedRow;

/**
 * A member told about a maintenance: who got the announcement, at which address and in which language, and its
 * Message-ID, under which every later notice to that member threads. Written when the announcement is queued;
 * later notices go to these rows (a member whose VM moved away after the announcement still hears that it was
 * cancelled). {@code caseNumber}: the case the member's answers to the notices landed in, once there is one.
 */
@Entity
@Table(name = "NOTICE_RECIPIENT")
@Getter
public class NoticeRecipient extends NumberedRow {

    private long maintenanceId;

    private long memberId;

    private String address;

    private String language;

    /** The announcement's Message-ID (without angle brackets). */
    private String announcementId;

    private Instant announcedAt;

    private Long caseNumber;

    protected NoticeRecipient() {
        // for JPA
    }
}
