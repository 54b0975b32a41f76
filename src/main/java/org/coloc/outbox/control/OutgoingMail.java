package org.coloc.outbox.control;

import java.util.List;

/**
 * A plain-text mail we send: always from the coloc address, always marked as ours. {@code messageId} is
 * without angle brackets (null: one is made); {@code autoSubmitted} null for what a person wrote.
 */
public record OutgoingMail(String messageId, List<String> to, String subject, String text, String inReplyTo,
        List<String> references, String autoSubmitted) {

    /** An automatic notice with no thread (e.g. a report to the admin). */
    public OutgoingMail(List<String> to, String subject, String text) {
        this(null, to, subject, text, null, List.of(), "auto-generated");
    }
}
