package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A calendar part says the method its object says, and is an iCalendar object at all. */
class CalendarPartTest {

    /** A maintenance window as the notices will send it (CRLF lines, as RFC 5545 wants). */
    static final String ICS = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coloc//notices//FR",
            "METHOD:REQUEST", "BEGIN:VEVENT", "UID:notice-7@coloc.test", "DTSTAMP:20261129T090000Z",
            "DTSTART:20261205T190000Z", "DTEND:20261205T210000Z", "SUMMARY:Maintenance de l'hôte h1",
            "ORGANIZER:mailto:coloc@coloc.test", "ATTENDEE;RSVP=TRUE:mailto:ana@example.org", "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void itsContentTypeNamesTheMethodAndTheCharset() {
        assertEquals("text/calendar; method=REQUEST; charset=UTF-8",
                new CalendarPart(CalendarPart.Method.REQUEST, ICS).contentType());
    }

    @Test
    void aMethodOtherThanTheObjectsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarPart(CalendarPart.Method.PUBLISH, ICS));
        assertThrows(IllegalArgumentException.class, () -> new CalendarPart(CalendarPart.Method.CANCEL,
                ICS.replace("METHOD:REQUEST", "X-METHOD:CANCEL")));
    }

    @Test
    void somethingElseThanACalendarIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarPart(CalendarPart.Method.REQUEST,
                "METHOD:REQUEST\r\n"));
        assertThrows(IllegalArgumentException.class, () -> new CalendarPart(CalendarPart.Method.REQUEST,
                ICS + "X".repeat(CalendarPart.MAX_ICS)));
        assertThrows(NullPointerException.class, () -> new CalendarPart(null, ICS));
    }
}
