package org.coloc.maintenance.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything one notice to one member says, gathered by the boundary from the maintenance record and the
 * inventory; the text, subject and calendar follow from it by pure code ({@link MaintenanceNotices}).
 *
 * @param maintenanceId the record's id (the calendar event's UID derives from it)
 * @param sequence the record's iCalendar SEQUENCE
 * @param title French title; {@code titleEn} the English one or null
 * @param description French description; {@code descriptionEn} the English one or null
 * @param start the window's start
 * @param end the window's end, or null for "until done"
 * @param zone the zone the window is shown in (UTC is shown too)
 * @param language "fr" or "en": the member's
 * @param memberName the member's display name
 * @param memberAddress where the notice goes (the calendar's ATTENDEE)
 * @param vms the member's affected VMs (empty for the admin's END_REMINDER)
 * @param organizer coloc's address (the calendar's ORGANIZER)
 * @param domain the domain of coloc's address (the event UID's right side)
 * @param reason the cancellation's reason, or null
 * @param previousStart for RESCHEDULED: the start before the change, else null
 * @param previousEnd for RESCHEDULED: the end before the change, else null
 * @param now when the notice is written (DTSTAMP)
 */
public record NoticeFacts(long maintenanceId, int sequence, String title, String titleEn, String description,
        String descriptionEn, Instant start, Instant end, ZoneId zone, String language, String memberName,
        String memberAddress, List<AffectedVm> vms, String organizer, String domain, String reason,
        Instant previousStart, Instant previousEnd, Instant now) {

    public NoticeFacts {
        vms = vms == null ? List.of() : List.copyOf(vms);
    }
}
