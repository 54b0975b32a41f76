package org.coloc.maintenance.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.platform.AddressMask;

/**
 * Which maintenances the public list and feeds show, and what of their text: no draft; every maintenance not over
 * yet; an over one while its last date (end, start, completion or cancellation) is within the last
 * {@link #PAST} days. Pure code.
 */
public final class PublicListing {

    /** How long a past maintenance stays listed. */
    public static final Duration PAST = Duration.ofDays(90);

    private PublicListing() {
    }

    /** The earliest instant a maintenance last dated before drops out of the list. */
    public static Instant cutoff(Instant now) {
        return now.minus(PAST);
    }

    /** Whether a maintenance in this state with these dates is listed now. */
    public static boolean visible(MaintenanceState state, Instant start, Instant end, Instant completedAt,
            Instant cancelledAt, Instant now) {
        if (state == null || state == MaintenanceState.DRAFT) {
            return false;
        }
        if (!state.over()) {
            return true;
        }
        Instant cutoff = cutoff(now);
        return Stream.of(start, end, completedAt, cancelledAt).anyMatch(t -> t != null && !t.isBefore(cutoff));
    }

    /**
     * The admin's text as the public may read it: an address written into a title or description (a member's,
     * "write to ana@…") is replaced, so public endpoints never show one, nor any {@code @}.
     */
    public static String withoutAddresses(String text) {
        return AddressMask.hide(text, "[…]");
    }

    /** Newest window first (by start, then id): the upcoming ones on top, then the past. */
    public static List<PublicMaintenance> ordered(List<PublicMaintenance> items) {
        return items.stream().sorted(Comparator.comparing(PublicMaintenance::start).reversed()
                .thenComparing(Comparator.comparingLong(PublicMaintenance::id).reversed())).toList();
    }
}
