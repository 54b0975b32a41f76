package org.coloc.maintenance.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A maintenance window as a member reads it, in French or English: in the maintenance's zone, with the offset at
 * each end (a window on the last Sunday of October starts in summer time and ends in winter time), and in UTC.
 * Pure code.
 *
 * <p>Offsets rather than abbreviations: Java's French abbreviations of Central European Time are not stable across
 * JDK versions, and "UTC+2" reads the same in both languages.
 */
public final class NoticeWindow {

    private static final DateTimeFormatter DAY_FR = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private NoticeWindow() {
    }

    /** The day of the start in the zone ("dimanche 25 octobre 2026"). */
    public static String day(Instant start, ZoneId zone, String language) {
        return dayFormat(language).format(start.atZone(zone));
    }

    /**
     * The window in its zone: "dimanche 25 octobre 2026, de 01:30 (UTC+2) à 03:30 (UTC+1), heure de Paris";
     * across days "du … à … au … à …"; with no end "à partir du … à 01:30 (UTC+2), heure de Paris, jusqu'à la
     * fin des travaux".
     */
    public static String local(Instant start, Instant end, ZoneId zone, String language) {
        return describe(start, end, zone, language, true) + ", " + zoneLabel(zone, language)
                + (end == null ? untilDone(language) : "");
    }

    /** The same window in UTC: "samedi 24 octobre 2026 à 23:30 au dimanche 25 octobre 2026 à 02:30, UTC". */
    public static String utc(Instant start, Instant end, String language) {
        return describe(start, end, ZoneOffset.UTC, language, false) + " UTC"
                + (end == null ? untilDone(language) : "");
    }

    /** Whether the zone is UTC itself (then the UTC line says nothing new). */
    public static boolean isUtc(ZoneId zone, Instant at) {
        return zone.normalized().equals(ZoneOffset.UTC)
                || zone.getRules().isFixedOffset() && zone.getRules().getOffset(at).getTotalSeconds() == 0;
    }

    /** "heure de Paris" / "Paris time"; a fixed offset is named as such ("UTC+02:00"). */
    static String zoneLabel(ZoneId zone, String language) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        if (slash < 0) {
            return fr(language) ? "heure " + offsetName(zone) : offsetName(zone) + " time";
        }
        String city = id.substring(slash + 1).replace('_', ' ');
        return fr(language) ? "heure de " + city : city + " time";
    }

    private static String offsetName(ZoneId zone) {
        String id = zone.getId();
        return id.startsWith("UTC") || id.startsWith("GMT") ? id : "UTC" + id.replace("Z", "");
    }

    private static String describe(Instant start, Instant end, ZoneId zone, String language, boolean offsets) {
        boolean fr = fr(language);
        DateTimeFormatter day = dayFormat(language);
        ZonedDateTime from = start.atZone(zone);
        String fromTime = TIME.format(from) + (offsets ? " (" + offset(from) + ")" : "");
        if (end == null) {
            return (fr ? "à partir du " : "from ") + day.format(from) + (fr ? " à " : ", ") + fromTime;
        }
        ZonedDateTime to = end.atZone(zone);
        String toTime = TIME.format(to) + (offsets ? " (" + offset(to) + ")" : "");
        if (sameDay(from, to)) {
            return day.format(from) + (fr ? ", de " + fromTime + " à " + toTime : ", " + fromTime + " to " + toTime);
        }
        return fr ? "du " + day.format(from) + " à " + fromTime + " au " + day.format(to) + " à " + toTime
                : "from " + day.format(from) + ", " + fromTime + " to " + day.format(to) + ", " + toTime;
    }

    private static boolean sameDay(ZonedDateTime a, ZonedDateTime b) {
        LocalDate da = a.toLocalDate();
        return da.equals(b.toLocalDate());
    }

    /** "UTC+2", "UTC+5:30", "UTC-3", "UTC". */
    static String offset(ZonedDateTime at) {
        int seconds = at.getOffset().getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return "UTC" + sign + minutes / 60 + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }

    private static String untilDone(String language) {
        return fr(language) ? ", jusqu'à la fin des travaux" : ", until the work is done";
    }

    private static DateTimeFormatter dayFormat(String language) {
        return fr(language) ? DAY_FR : DAY_EN;
    }

    static boolean fr(String language) {
        return !"en".equals(language);
    }
}
