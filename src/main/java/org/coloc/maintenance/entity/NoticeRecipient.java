package org.coloc.maintenance.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import org.coloc.platform.NumberedRow;

/**
 * A member told about a maintenance: who got the announcement, at which address and in which language, and its
 * Message-ID, under which every later notice to that member threads. Written when the announcement is queued;
 * later notices go to these rows (a member whose VM moved away after the announcement still hears that it was
 * cancelled). The case of the member's answers is found by the case's own maintenance and member
 * ({@code SUPPORT_CASE.MAINTENANCE_ID, MEMBER_ID}), not kept here.
 */
@Entity
@Table(name = "NOTICE_RECIPIENT")
@NamedQuery(name = NoticeRecipient.OF_MAINTENANCE,
        query = "SELECT r FROM NoticeRecipient r WHERE r.maintenanceId = :maintenance ORDER BY r.id")
@Getter
public class NoticeRecipient extends NumberedRow {

    public static final String OF_MAINTENANCE = "NoticeRecipient.ofMaintenance";

    private long maintenanceId;

    private long memberId;

    private String address;

    private String language;

    /** The announcement's Message-ID (without angle brackets). */
    private String announcementId;

    private Instant announcedAt;


    protected NoticeRecipient() {
        // for JPA
    }

    /** The member told about the maintenance by the announcement {@code announcementId}. */
    public NoticeRecipient(long maintenanceId, long memberId, String address, String language, String announcementId,
            Instant announcedAt) {
        this.maintenanceId = maintenanceId;
        this.memberId = memberId;
        this.address = address;
        this.language = language;
        this.announcementId = announcementId;
        this.announcedAt = announcedAt;
    }
}
