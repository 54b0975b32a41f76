package org.coloc.outbox.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An iCalendar object sent along with the text of a mail (iMIP, RFC 6047): an invitation to a maintenance
 * window, say. The METHOD inside the object must be the one the part is sent with, or clients ignore it.
 * Pure code.
 */
public record CalendarPart(Method method, String ics) {

    /** The iTIP methods we send: an event to put in one's calendar, an invitation, a cancellation. */
    public enum Method {
        PUBLISH, REQUEST, CANCEL
    }

    /** Longest calendar object kept (it is stored with the mail). */
    public static final int MAX_ICS = 32000;

    public CalendarPart {
        Objects.requireNonNull(method, "calendar method");
        Objects.requireNonNull(ics, "calendar");
        if (ics.length() > MAX_ICS) {
            throw new IllegalArgumentException("a calendar part holds at most " + MAX_ICS + " characters");
        }
        if (!ics.stripLeading().startsWith("BEGIN:VCALENDAR")) {
            throw new IllegalArgumentException("a calendar part is an iCalendar object (BEGIN:VCALENDAR)");
        }
        if (!Pattern.compile("(?m)^METHOD:" + method.name() + "\\r?$").matcher(ics).find()) {
            throw new IllegalArgumentException("the calendar must say METHOD:" + method.name()
                    + ", as its part does");
        }
    }

    /** The part's Content-Type. */
    public String contentType() {
        return "text/calendar; method=" + method.name() + "; charset=UTF-8";
    }
}
