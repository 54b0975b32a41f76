package org.coloc.outbox.control;

import java.util.List;

/**
 * A mail as it is sent: always from the coloc address, always marked as ours. {@code messageId} is without
 * angle brackets (null: one is made); {@code autoSubmitted} null for what a person wrote; {@code headers} the
 * extra ones a caller added ({@link ExtraHeader}); {@code calendar} null, or an iCalendar object sent next to
 * the text.
 */
public record OutgoingMail(String messageId, List<String> to, String subject, String text, String inReplyTo,
        List<String> references, String autoSubmitted, List<ExtraHeader> headers, CalendarPart calendar) {

    public OutgoingMail {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A plain mail without extra headers. */
    public OutgoingMail(String messageId, List<String> to, String subject, String text, String inReplyTo,
            List<String> references, String autoSubmitted) {
        this(messageId, to, subject, text, inReplyTo, references, autoSubmitted, List.of(), null);
    }

    /** An automatic notice with no thread (e.g. a report to the admin). */
    public OutgoingMail(List<String> to, String subject, String text) {
        this(null, to, subject, text, null, List.of(), "auto-generated");
    }
}
