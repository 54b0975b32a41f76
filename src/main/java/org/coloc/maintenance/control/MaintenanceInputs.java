package org.coloc.maintenance.control;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.coloc.maintenance.entity.MaintenanceFields;
import org.coloc.platform.JsonInput;

/**
 * Reads and validates the JSON of a maintenance (POST and PUT bodies, and PATCHed representations). Every bad field
 * is reported at once. Whether the ids name real hosts and VMs, and whether the start is still ahead when that
 * matters (announced), is the boundary's check: it needs the database and the clock. Pure code.
 */
public final class MaintenanceInputs {

    /** Fields the API shows but only coloc changes: a client may send them back unchanged after a GET. */
    static final Set<String> READ_ONLY = Set.of("id", "state", "sequence", "announcedAt", "startedAt", "completedAt",
            "cancelledAt", "cancelReason", "created", "updated");
    static final Set<String> FIELDS = Set.of("title", "description", "titleEn", "descriptionEn", "start", "end",
            "timeZone", "hosts", "vms", "everything", "autoComplete");
    /** As many as the columns hold. */
    static final int TITLE = 200;
    static final int DESCRIPTION = 10_000;
    static final int REASON = 2000;
    static final int MAX_IDS = 1000;

    private MaintenanceInputs() {
    }

    /** @param defaultZone the zone of a maintenance that names none ({@code coloc.timezone}) */
    public static MaintenanceFields read(JsonValue body, ZoneId defaultZone) {
        JsonInput in = JsonInput.of(body, FIELDS, READ_ONLY);
        String title = in.string("title", true, TITLE);
        String description = in.string("description", true, DESCRIPTION);
        String titleEn = in.string("titleEn", false, TITLE);
        String descriptionEn = in.string("descriptionEn", false, DESCRIPTION);
        OffsetDateTime start = in.dateTime("start", true);
        OffsetDateTime end = in.dateTime("end", false);
        if (start != null && end != null && !end.isAfter(start)) {
            in.error("end", "must be after start");
        }
        ZoneId zone = zone(in, defaultZone);
        Set<Long> hosts = new HashSet<>(in.ids("hosts", MAX_IDS));
        Set<Long> vms = new HashSet<>(in.ids("vms", MAX_IDS));
        boolean everything = in.bool("everything", false);
        boolean autoComplete = in.bool("autoComplete", false);
        if (!everything && hosts.isEmpty() && vms.isEmpty() && !in.hasErrors()) {
            in.error("hosts", "name what the maintenance affects: hosts, vms, or everything: true");
        }
        in.check();
        return new MaintenanceFields(title, description, titleEn, descriptionEn, start.toInstant(),
                end == null ? null : end.toInstant(), zone, hosts, vms, everything, autoComplete);
    }

    /** The reason of a cancellation: {@code {"reason": "…"}}, or no body at all. */
    public static String reason(JsonValue body) {
        JsonInput in = JsonInput.of(body, Set.of("reason"), Set.of());
        String reason = in.string("reason", false, REASON);
        in.check();
        return reason;
    }

    /** A named IANA zone only: calendars need a VTIMEZONE, which a bare offset does not have. */
    private static ZoneId zone(JsonInput in, ZoneId fallback) {
        String name = in.string("timeZone", false, 64);
        if (name == null) {
            return fallback;
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            in.error("timeZone", "must be a time zone such as Europe/Paris or UTC");
            return fallback;
        }
        return ZoneId.of(name);
    }
}
