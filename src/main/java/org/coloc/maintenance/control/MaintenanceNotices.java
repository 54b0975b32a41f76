package org.coloc.maintenance.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coloc.outbox.control.CalendarPart;

/**
 * The content of every maintenance notice: which template of {@code mail-templates/}, its values, and the
 * calendar part the kinds that change the event carry. Pure code.
 *
 * <p>TEMP stub content on the mcore branch, for its own tests until the mmail stream's real content is merged
 * (the lead drops this commit): plain values, and a calendar written by hand.
 */
public final class MaintenanceNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ICS_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private MaintenanceNotices() {
    }

    /** The template of {@code mail-templates/} for this kind ({@code maintenance-announcement}…). */
    public static String template(NoticeKind kind) {
        return "maintenance-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The template's values for this notice. */
    public static Map<String, Object> values(NoticeKind kind, NoticeFacts facts) {
        boolean en = "en".equals(facts.language());
        Map<String, Object> v = new HashMap<>();
        v.put("id", facts.maintenanceId());
        v.put("title", en && facts.titleEn() != null ? facts.titleEn() : facts.title());
        v.put("description", en && facts.descriptionEn() != null ? facts.descriptionEn() : facts.description());
        v.put("start", when(facts.start(), facts.zone()));
        v.put("end", facts.end() == null ? "?" : when(facts.end(), facts.zone()));
        v.put("startUtc", when(facts.start(), ZoneOffset.UTC));
        v.put("zone", facts.zone().getId());
        v.put("member", facts.memberName());
        v.put("reason", facts.reason() == null ? "" : facts.reason());
        v.put("vms", facts.vms().stream().map(vm -> Map.of("name", vm.name(), "hostname",
                vm.hostname() == null ? "" : vm.hostname(), "domains", String.join(", ", vm.domains()))).toList());
        return v;
    }

    /**
     * The calendar part: REQUEST for ANNOUNCEMENT, RESCHEDULED and UPDATED; CANCEL for CANCELLED; null for the
     * kinds that do not change the event.
     */
    public static CalendarPart calendar(NoticeKind kind, NoticeFacts facts) {
        CalendarPart.Method method = switch (kind) {
            case ANNOUNCEMENT, RESCHEDULED, UPDATED -> CalendarPart.Method.REQUEST;
            case CANCELLED -> CalendarPart.Method.CANCEL;
            default -> null;
        };
        if (method == null) {
            return null;
        }
        List<String> lines = new java.util.ArrayList<>(List.of("BEGIN:VCALENDAR", "PRODID:-//coloc//maintenance//EN",
                "VERSION:2.0", "METHOD:" + method.name(), "BEGIN:VEVENT",
                "UID:maintenance-" + facts.maintenanceId() + "@" + facts.domain(),
                "SEQUENCE:" + facts.sequence(),
                "DTSTAMP:" + ICS_LOCAL.format(facts.now().atZone(ZoneOffset.UTC)) + "Z",
                "DTSTART;TZID=" + facts.zone().getId() + ":" + ICS_LOCAL.format(facts.start().atZone(facts.zone()))));
        if (facts.end() != null) {
            lines.add("DTEND;TZID=" + facts.zone().getId() + ":" + ICS_LOCAL.format(facts.end().atZone(facts.zone())));
        }
        lines.addAll(List.of("SUMMARY:" + facts.title().replaceAll("[\\r\\n,;\\\\]", " "),
                "ORGANIZER:mailto:" + facts.organizer(), "ATTENDEE:mailto:" + facts.memberAddress(),
                "STATUS:" + (method == CalendarPart.Method.CANCEL ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT", "END:VCALENDAR"));
        return new CalendarPart(method, String.join("\r\n", lines) + "\r\n");
    }

    private static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
