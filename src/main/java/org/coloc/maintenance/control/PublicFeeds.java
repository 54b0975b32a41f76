package org.coloc.maintenance.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.coloc.platform.AtomWriter;

/**
 * The public list of maintenances in its three shapes: JSON for scripts and the status page, Atom 1.0 for feed
 * readers, iCalendar (PUBLISH) for calendars. Each is a function of the list alone (no clock, no request), so the
 * same list gives the same bytes and the same ETag. No address, no member, no VM in any of them. Pure code.
 */
public final class PublicFeeds {

    static final String ATOM = AtomWriter.NAMESPACE;
    private static final Map<String, String> STATE_FR = Map.of("announced", "annoncée", "in-progress", "en cours",
            "completed", "terminée", "cancelled", "annulée");
    private static final Map<String, String> STATE_EN = Map.of("announced", "announced", "in-progress",
            "in progress", "completed", "completed", "cancelled", "cancelled");

    private PublicFeeds() {
    }

    /** {@code {items: [...], total}}; times in ISO-8601 with the offset of the maintenance's zone. */
    public static byte[] json(JsonProvider json, List<PublicMaintenance> items) {
        JsonArrayBuilder array = json.createArrayBuilder();
        for (PublicMaintenance m : items) {
            JsonObjectBuilder o = json.createObjectBuilder().add("id", m.id())
                    .add("title", clean(m.title()));
            optional(o, "titleEn", m.titleEn());
            o.add("description", clean(m.description()));
            optional(o, "descriptionEn", m.descriptionEn());
            o.add("start", iso(m.start(), m));
            if (m.end() == null) {
                o.addNull("end");
            } else {
                o.add("end", iso(m.end(), m));
            }
            o.add("timeZone", m.zone().getId()).add("state", m.state()).add("everything", m.everything());
            JsonArrayBuilder hosts = json.createArrayBuilder();
            m.hosts().forEach(h -> hosts.add(clean(h)));
            o.add("hosts", hosts).add("updated", m.updated().toString());
            array.add(o);
        }
        String text = json.createObjectBuilder().add("items", array).add("total", items.size()).build().toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An Atom 1.0 feed (RFC 4287): one entry per maintenance, its id a name-based UUID of the calendar event's UID,
     * its content the French text followed by the English one.
     */
    public static byte[] atom(List<PublicMaintenance> items, String domain) {
        return AtomWriter.feed("fr", atom -> {
            atom.element("id", MaintenanceCalendar.urn("maintenances." + domain));
            atom.element("title", "la coloc — maintenances");
            atom.element("subtitle", "Maintenances prévues et passées de la coloc / planned and past maintenance");
            atom.element("updated", AtomWriter.time(items.stream().map(PublicMaintenance::updated)
                    .max(Instant::compareTo).orElse(Instant.EPOCH)));
            atom.author("la coloc");
            for (PublicMaintenance m : items) {
                atom.entry(entry -> {
                    entry.element("id", MaintenanceCalendar.urn(MaintenanceCalendar.uid(m.id(), domain)));
                    entry.element("title", clean(title(m, "fr")));
                    entry.element("updated", AtomWriter.time(m.updated()));
                    entry.content("text", clean(text(m, "fr") + "\n\n—\n\n" + title(m, "en") + "\n" + text(m, "en")));
                });
            }
        });
    }

    /** A calendar to subscribe to (METHOD:PUBLISH), with the events' UIDs of the members' invitations. */
    public static byte[] ics(List<PublicMaintenance> items, String domain) {
        List<MaintenanceCalendar.Event> events = items.stream().map(m -> new MaintenanceCalendar.Event(m.id(),
                m.sequence(), clean(title(m, "fr")), clean(text(m, "fr") + (hasEnglish(m) ? "\n\n—\n\n"
                        + title(m, "en") + "\n" + text(m, "en") : "")), m.start(), m.end(), m.zone(),
                "cancelled".equals(m.state()), m.updated())).toList();
        return MaintenanceCalendar.publish(events, domain, "la coloc — maintenances").getBytes(StandardCharsets.UTF_8);
    }

    /** "Maintenance : title", marked when cancelled, in progress or over. */
    static String title(PublicMaintenance m, String lang) {
        boolean fr = NoticeWindow.fr(lang);
        String title = MaintenanceNotices.englishOr(lang, m.titleEn(), m.title());
        String state = (fr ? STATE_FR : STATE_EN).getOrDefault(m.state(), m.state());
        return "announced".equals(m.state()) ? title : title + " (" + state + ")";
    }

    /** State, window (zone and UTC), hosts, then what to expect. */
    static String text(PublicMaintenance m, String lang) {
        boolean fr = NoticeWindow.fr(lang);
        StringBuilder b = new StringBuilder();
        b.append(fr ? "État : " : "State: ").append((fr ? STATE_FR : STATE_EN).getOrDefault(m.state(), m.state()))
                .append('\n');
        b.append(fr ? "Quand : " : "When: ").append(NoticeWindow.local(m.start(), m.end(), m.zone(), lang)).append('\n');
        if (!NoticeWindow.isUtc(m.zone(), m.start())) {
            b.append(fr ? "En UTC : " : "In UTC: ").append(NoticeWindow.utc(m.start(), m.end(), lang)).append('\n');
        }
        b.append(fr ? "Serveurs concernés : " : "Servers affected: ");
        if (m.everything()) {
            b.append(fr ? "tous" : "all");
        } else {
            b.append(m.hosts().isEmpty() ? "—" : String.join(", ", m.hosts()));
        }
        b.append('\n');
        String description = MaintenanceNotices.englishOr(lang, m.descriptionEn(), m.description());
        if (!description.isBlank()) {
            b.append('\n').append(description.strip()).append('\n');
        }
        return b.toString().strip();
    }

    private static boolean hasEnglish(PublicMaintenance m) {
        return m.titleEn() != null && !m.titleEn().isBlank() || m.descriptionEn() != null && !m.descriptionEn().isBlank();
    }

    private static void optional(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, clean(value));
        }
    }

    private static String iso(Instant at, PublicMaintenance m) {
        return OffsetDateTime.ofInstant(at, m.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * Public text: addresses masked, and no character XML 1.0 cannot carry (control characters other than tab and
     * line feed, lone surrogates), which an XML writer would pass through and a feed reader reject.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String masked = PublicListing.withoutAddresses(s).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(masked.length());
        masked.codePoints().filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF).forEach(b::appendCodePoint);
        return b.toString();
    }
}
