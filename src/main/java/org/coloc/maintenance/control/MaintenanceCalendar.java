package org.coloc.maintenance.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.coloc.outbox.control.CalendarPart;

/**
 * Maintenance windows as iCalendar objects, built with ical4j: the invitation each member gets (iTIP REQUEST or
 * CANCEL, RFC 5546) and the public calendar (PUBLISH) of every public maintenance. An event's UID depends on the
 * maintenance only, so the invitation, its updates and the public calendar all name the same event. Pure code.
 *
 * <p>Times carry their zone (TZID) with the zone's VTIMEZONE taken from ical4j's bundled tz data: never from a
 * remote tz server (see {@code ical4j.properties}). A zone ical4j does not know (a fixed offset such as
 * {@code +02:00}) is written in UTC, which every client reads.
 *
 * <p><b>No end.</b> A maintenance "until done" gets a nominal two-hour slot ({@link #OPEN_END_SLOT}) and says so in
 * its summary: without DTEND a timed event lasts zero minutes (RFC 5545 §3.6.1), which calendars draw as a line
 * or not at all, and some (Outlook) treat an invitation without end as broken.
 */
public final class MaintenanceCalendar {

    static final Duration OPEN_END_SLOT = Duration.ofHours(2);
    private static final String PRODID = "-//la coloc//coloc maintenance//FR";
    /** One registry for the process: it reads a zone's definition from the jar once. */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** Each zone's VTIMEZONE as folded text, written once (see {@link #text(Calendar, List)}). */
    private static final Map<String, String> ZONE_TEXT = new ConcurrentHashMap<>();

    private MaintenanceCalendar() {
    }

    /** One event of a calendar: the window, the texts (already in the reader's language), its state. */
    public record Event(long maintenanceId, int sequence, String summary, String description, Instant start,
            Instant end, ZoneId zone, boolean cancelled, Instant stamp) {
    }

    /**
     * The event's UID: {@code maintenance-<id>.<domain>}. Without the usual {@code @}: the same UID is in the public
     * calendar, which shows no address, nor anything a harvester would take for one.
     */
    public static String uid(long maintenanceId, String domain) {
        return "maintenance-" + maintenanceId + "." + domain;
    }

    /** The Atom id of the same event: a name-based UUID of its UID, stable as the UID is. */
    public static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The invitation to one member: REQUEST (STATUS:CONFIRMED) or CANCEL (STATUS:CANCELLED). */
    public static CalendarPart invitation(CalendarPart.Method method, Event event, String domain, String organizer,
            String attendee, String attendeeName) {
        if (method == CalendarPart.Method.PUBLISH) {
            throw new IllegalArgumentException("an invitation is a REQUEST or a CANCEL");
        }
        VEvent vevent = event(event, domain);
        Organizer org = new Organizer("mailto:" + organizer);
        org.add(new Cn("la coloc"));
        vevent.add(org);
        Attendee att = new Attendee("mailto:" + attendee);
        if (attendeeName != null && !attendeeName.isBlank()) {
            att.add(new Cn(plain(attendeeName)));
        }
        att.add(Rsvp.FALSE);
        vevent.add(att);
        Calendar calendar = calendar(method == CalendarPart.Method.CANCEL ? ImmutableMethod.CANCEL
                : ImmutableMethod.REQUEST);
        calendar.add(vevent);
        return new CalendarPart(method, text(calendar, List.of(event)));
    }

    /** A subscribable calendar (PUBLISH) of these events; no ORGANIZER, no ATTENDEE, so no address. */
    public static String publish(List<Event> events, String domain, String name) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        // the name subscribing clients show for the calendar (Apple, Google, Thunderbird read X-WR-CALNAME)
        calendar.add(new XProperty("X-WR-CALNAME", plain(name)));
        for (Event e : events) {
            calendar.add(event(e, domain));
        }
        return text(calendar, events);
    }

    /**
     * The object as text, lines folded at 75 octets with CRLF (RFC 5545 §3.1): {@code Calendar.toString()} does not
     * fold at all (a description of a few hundred characters on one line breaks mail's 998-octet limit), and
     * ical4j's outputter folds at 75 characters, which is up to 300 octets of UTF-8. So ical4j writes the lines,
     * and they are folded here.
     */
    static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // not validating: ical4j's validator wants an ORGANIZER in a PUBLISH event, which the public calendar
            // leaves out on purpose
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder folded = new StringBuilder();
        for (String line : out.toString().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            fold(line, folded);
        }
        return folded.toString();
    }

    /** One content line, cut before 75 octets on code point boundaries; continuation lines start with a space. */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** The calendar's head; its zones are written by {@link #text(Calendar, List)} from their cached text. */
    private static Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(method);
        return calendar;
    }

    /**
     * The calendar as text with the VTIMEZONE of each zone its events use, placed before the first event as ical4j
     * would place it. A zone's VTIMEZONE (Europe/Paris: its whole history since 1891, most of an invitation) is
     * written once per zone and process and kept: writing it anew for each of 1,000 members' invitations was most
     * of the time an announcement took.
     */
    private static String text(Calendar calendar, List<Event> events) {
        Set<String> zones = new LinkedHashSet<>();
        StringBuilder definitions = new StringBuilder();
        for (Event e : events) {
            if (e.zone() != null && zones.add(e.zone().getId())) {
                definitions.append(ZONE_TEXT.computeIfAbsent(e.zone().getId(), id -> zoneText(e.zone())));
            }
        }
        String text = text(calendar);
        int firstEvent = text.indexOf("BEGIN:VEVENT\r\n");
        int at = firstEvent >= 0 ? firstEvent : text.lastIndexOf("END:VCALENDAR");
        return text.substring(0, at) + definitions + text.substring(at);
    }

    /** A zone's VTIMEZONE, folded as {@link #text(Calendar)} folds; empty for a zone ical4j does not know. */
    private static String zoneText(ZoneId zone) {
        VTimeZone vtz = vtimezone(zone);
        if (vtz == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder();
        for (String line : vtz.toString().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            fold(line, folded);
        }
        return folded.toString();
    }

    private static VEvent event(Event e, String domain) {
        Instant end = e.end() != null ? e.end() : e.start().plus(OPEN_END_SLOT);
        boolean zoned = vtimezone(e.zone()) != null;
        VEvent vevent = new VEvent(at(e.start(), e.zone(), zoned), at(end, e.zone(), zoned), plain(e.summary()));
        vevent.replace(new DtStamp(e.stamp()));
        vevent.add(new Uid(uid(e.maintenanceId(), domain)));
        vevent.add(new Sequence(e.sequence()));
        if (e.description() != null && !e.description().isBlank()) {
            vevent.add(new Description(e.description()));
        }
        vevent.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        // the member is not busy during our maintenance: it informs, it does not book his time
        vevent.add(ImmutableTransp.TRANSPARENT);
        return vevent;
    }

    /**
     * A time with its TZID, or in UTC when the zone has no VTIMEZONE, or when its local time happens twice (the hour
     * repeated when clocks go back) and it is the second one: a local time with TZID means the first occurrence
     * (RFC 5545 §3.3.5), so 02:30 after the change can only be said in UTC.
     */
    static Temporal at(Instant instant, ZoneId zone, boolean zoned) {
        if (!zoned) {
            return instant;
        }
        ZonedDateTime local = ZonedDateTime.ofInstant(instant, ZoneId.of(zone.getId()));
        if (!local.withEarlierOffsetAtOverlap().toInstant().equals(instant)) {
            return instant;
        }
        return local;
    }

    /** The zone's definition from ical4j's bundled data, or null for a zone it does not know (fixed offsets). */
    static VTimeZone vtimezone(ZoneId zone) {
        if (zone == null || zone instanceof ZoneOffset || zone.getId().equals("UTC") || zone.getId().equals("Z")) {
            return null;
        }
        try {
            TimeZone tz = ZONES.getTimeZone(zone.getId());
            return tz == null ? null : tz.getVTimeZone();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A text for a parameter or one-line property: no control characters (line breaks, NUL). */
    private static String plain(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
