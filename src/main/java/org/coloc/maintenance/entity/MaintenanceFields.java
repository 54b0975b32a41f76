package org.coloc.maintenance.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * A maintenance's editable fields, validated: the texts, the window ({@code end} null: "until done"), the zone it is
 * shown in, and what it affects.
 */
public record MaintenanceFields(String title, String description, String titleEn, String descriptionEn,
        Instant start, Instant end, ZoneId zone, Set<Long> hosts, Set<Long> vms, boolean everything,
        boolean autoComplete) {

    public MaintenanceFields {
        hosts = hosts == null ? Set.of() : Set.copyOf(hosts);
        vms = vms == null ? Set.of() : Set.copyOf(vms);
    }

    /** The window differs: start, end or the zone it is shown in. */
    public boolean windowDiffers(MaintenanceFields other) {
        return !start.equals(other.start) || !java.util.Objects.equals(end, other.end) || !zone.equals(other.zone);
    }

    /** The texts differ. */
    public boolean textDiffers(MaintenanceFields other) {
        return !title.equals(other.title) || !description.equals(other.description)
                || !java.util.Objects.equals(titleEn, other.titleEn)
                || !java.util.Objects.equals(descriptionEn, other.descriptionEn);
    }

    /** What it affects differs. */
    public boolean scopeDiffers(MaintenanceFields other) {
        return everything != other.everything || !hosts.equals(other.hosts) || !vms.equals(other.vms);
    }
}
