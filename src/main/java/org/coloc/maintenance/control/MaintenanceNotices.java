package org.coloc.maintenance.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coloc.outbox.control.CalendarPart;

/**
 * The content of every maintenance notice: which template of {@code mail-templates/}, its values, and the
 * calendar part the kinds that change the event carry. Pure code.
 *
 * <p>Every kind gets the same values (see {@code mail-templates/README.md}), so a template may use any of them and
 * a wording change never needs code. Texts are the member's language; the English title and description fall back
 * to the French ones when the admin wrote none.
 */
public final class MaintenanceNotices {

    private MaintenanceNotices() {
    }

    /** The template of {@code mail-templates/} for this kind ({@code maintenance-announcement}…). */
    public static String template(NoticeKind kind) {
        return "maintenance-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The template's values for this notice. */
    public static Map<String, Object> values(NoticeKind kind, NoticeFacts facts) {
        String lang = language(facts);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("maintenance", facts.maintenanceId());
        v.put("title", title(facts, lang));
        String description = description(facts, lang);
        v.put("description", description);
        v.put("hasDescription", !description.isBlank());
        v.put("member", facts.memberName() == null ? "" : facts.memberName());
        List<Map<String, Object>> vms = new ArrayList<>();
        Set<String> domains = new LinkedHashSet<>();
        for (AffectedVm vm : facts.vms()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", vm.name());
            line.put("hostname", vm.hostname() == null ? "" : vm.hostname());
            line.put("hasHostname", vm.hostname() != null && !vm.hostname().isBlank());
            line.put("domains", String.join(", ", vm.domains()));
            line.put("hasDomains", !vm.domains().isEmpty());
            vms.add(line);
            domains.addAll(vm.domains());
        }
        v.put("vms", vms);
        v.put("hasVms", !vms.isEmpty());
        v.put("domains", String.join(", ", domains));
        v.put("hasDomains", !domains.isEmpty());
        v.put("day", NoticeWindow.day(facts.start(), facts.zone(), lang));
        v.put("window", NoticeWindow.local(facts.start(), facts.end(), facts.zone(), lang));
        v.put("windowUtc", NoticeWindow.utc(facts.start(), facts.end(), lang));
        v.put("showUtc", !NoticeWindow.isUtc(facts.zone(), facts.start()));
        v.put("untilDone", facts.end() == null);
        boolean moved = kind == NoticeKind.RESCHEDULED && facts.previousStart() != null;
        v.put("hasPrevious", moved);
        v.put("previousWindow", moved
                ? NoticeWindow.local(facts.previousStart(), facts.previousEnd(), facts.zone(), lang) : "");
        v.put("previousWindowUtc", moved ? NoticeWindow.utc(facts.previousStart(), facts.previousEnd(), lang) : "");
        String reason = facts.reason() == null ? "" : facts.reason().strip();
        v.put("reason", reason);
        v.put("hasReason", !reason.isEmpty());
        v.put("sequence", facts.sequence());
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
        return MaintenanceCalendar.invitation(method, event(facts, method == CalendarPart.Method.CANCEL),
                facts.domain(), facts.organizer(), facts.memberAddress(), facts.memberName());
    }

    private static MaintenanceCalendar.Event event(NoticeFacts facts, boolean cancelled) {
        String lang = language(facts);
        boolean fr = NoticeWindow.fr(lang);
        String summary = (fr ? "Maintenance : " : "Maintenance: ") + title(facts, lang)
                + (facts.end() == null ? (fr ? " (jusqu'à la fin des travaux)" : " (until the work is done)") : "");
        StringBuilder text = new StringBuilder();
        String description = description(facts, lang);
        if (!description.isBlank()) {
            text.append(description.strip()).append("\n\n");
        }
        text.append(NoticeWindow.local(facts.start(), facts.end(), facts.zone(), lang)).append('\n');
        if (!facts.vms().isEmpty()) {
            text.append(fr ? "\nVos VM concernées :\n" : "\nYour VMs affected:\n");
            for (AffectedVm vm : facts.vms()) {
                text.append("- ").append(vm.name());
                if (vm.hostname() != null && !vm.hostname().isBlank()) {
                    text.append(" (").append(vm.hostname()).append(')');
                }
                if (!vm.domains().isEmpty()) {
                    text.append(" : ".substring(fr ? 0 : 1)).append(String.join(", ", vm.domains()));
                }
                text.append('\n');
            }
        }
        if (cancelled && facts.reason() != null && !facts.reason().isBlank()) {
            text.append(fr ? "\nAnnulée : " : "\nCancelled: ").append(facts.reason().strip()).append('\n');
        }
        return new MaintenanceCalendar.Event(facts.maintenanceId(), facts.sequence(), summary, text.toString().strip(),
                facts.start(), facts.end(), facts.zone(), cancelled, facts.now());
    }

    private static String language(NoticeFacts facts) {
        return "en".equals(facts.language()) ? "en" : "fr";
    }

    private static String title(NoticeFacts facts, String lang) {
        return englishOr(lang, facts.titleEn(), facts.title());
    }

    private static String description(NoticeFacts facts, String lang) {
        return englishOr(lang, facts.descriptionEn(), facts.description());
    }

    /** French unless the reader is English and there is an English text. */
    static String englishOr(String lang, String english, String french) {
        String chosen = "en".equals(lang) && english != null && !english.isBlank() ? english : french;
        return chosen == null ? "" : chosen;
    }
}
