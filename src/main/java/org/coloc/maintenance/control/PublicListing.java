package org.coloc.maintenance.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.coloc.maintenance.entity.MaintenanceState;

/**
 * Which maintenances the public list and feeds show, and what of their text: no draft; every maintenance not over
 * yet; an over one while its last date (end, start, completion or cancellation) is within the last
 * {@link #PAST} days. Pure code.
 */
public final class PublicListing {

    /** How long a past maintenance stays listed. */
    public static final Duration PAST = Duration.ofDays(90);

    /** What ends a word that may hold an address (besides white space). */
    private static final String DELIMITERS = "<>()[]\"',;:";

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
        if (text == null) {
            return null;
        }
        if (text.indexOf('@') < 0) {
            return text;
        }
        // word by word, in one pass: a word with an @ is an address or a handle that reaches a person; its final
        // dots end the sentence and stay (a pattern "[^delimiters]*@…" would try every start of a long word again)
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (delimiter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            int lastAt = -1;
            while (i < n && !delimiter(text.charAt(i))) {
                if (text.charAt(i) == '@') {
                    lastAt = i;
                }
                i++;
            }
            if (lastAt < 0) {
                out.append(text, start, i);
                continue;
            }
            int end = i;
            while (end > lastAt + 1 && text.charAt(end - 1) == '.') {
                end--;
            }
            out.append("[…]").append(text, end, i);
        }
        return out.toString();
    }

    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0;
    }

    /** Newest window first (by start, then id): the upcoming ones on top, then the past. */
    public static List<PublicMaintenance> ordered(List<PublicMaintenance> items) {
        return items.stream().sorted(Comparator.comparing(PublicMaintenance::start).reversed()
                .thenComparing(Comparator.comparingLong(PublicMaintenance::id).reversed())).toList();
    }
}
