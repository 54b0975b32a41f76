package org.coloc.maintenance.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.coloc.maintenance.entity.Maintenance;

/**
 * A maintenance as the API shows it. {@code start} and {@code end} are written with the offset of the
 * maintenance's time zone at that moment (so a window across a DST change shows two offsets); the other times are
 * UTC. {@code state}, {@code sequence} and the times after {@code announcedAt} are coloc's to change.
 */
public record MaintenanceView(long id, String title, String description, String titleEn, String descriptionEn,
        OffsetDateTime start, OffsetDateTime end, String timeZone, List<Long> hosts, List<Long> vms,
        boolean everything, boolean autoComplete, String state, int sequence, Instant announcedAt,
        Instant startedAt, Instant completedAt, Instant cancelledAt, String cancelReason, Instant created,
        Instant updated) {

    public static MaintenanceView of(Maintenance m) {
        return new MaintenanceView(m.getId(), m.getTitle(), m.getDescription(), m.getTitleEn(), m.getDescriptionEn(),
                m.getStartAt().atZone(m.zone()).toOffsetDateTime(),
                m.getEndAt() == null ? null : m.getEndAt().atZone(m.zone()).toOffsetDateTime(), m.getTimeZone(),
                m.getHosts().stream().sorted().toList(), m.getVms().stream().sorted().toList(), m.isEverything(),
                m.isAutoComplete(), m.getState().label(), m.getSequence(), m.getAnnouncedAt(), m.getStartedAt(),
                m.getCompletedAt(), m.getCancelledAt(), m.getCancelReason(), m.getCreated(), m.getUpdated());
    }
}
