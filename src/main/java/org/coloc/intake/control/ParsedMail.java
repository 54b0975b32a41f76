package org.coloc.intake.control;

import java.time.Instant;
import java.util.List;

/**
 * What the intake keeps of a parsed mail. Ids are without angle brackets; text is the body a person
 * would read (text/plain, else the HTML converted to text); {@code html} is the HTML part if any.
 * Nullable: messageId, inReplyTo, from, subject, date, html.
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        String subject,
        Instant date,
        List<MailHeader> headers,
        String text,
        String html,
        List<ParsedAttachment> attachments,
        List<String> warnings) {

    /** First decoded value of a header, case-insensitive name, or null. */
    public String header(String name) {
        for (MailHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
