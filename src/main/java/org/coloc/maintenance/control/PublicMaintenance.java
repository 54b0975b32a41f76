package org.coloc.maintenance.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A maintenance as the public sees it: its texts, window, state and the names of the hosts it affects. Nothing
 * about who is affected: no member, no address, no VM.
 *
 * @param state the state's label ({@code announced}, {@code in-progress}, {@code completed}, {@code cancelled})
 * @param everything every host is affected ({@code hosts} is then empty)
 * @param hosts the affected hosts' names, sorted: the hosts named by the record and those of its VMs
 * @param updated the record's last change (the feeds' "updated", the calendar's DTSTAMP)
 */
public record PublicMaintenance(long id, int sequence, String title, String titleEn, String description,
        String descriptionEn, Instant start, Instant end, ZoneId zone, String state, boolean everything,
        List<String> hosts, Instant updated) {

    public PublicMaintenance {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
