package org.coloc.intake.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One mail with everything decoded: headers, recipients, text and HTML, attachments (without content; see
 * {@code /attachments/{index}}), and why it was classified so.
 */
public record MessageDetail(
        long id,
        String messageId,
        String from,
        String fromName,
        String subject,
        Instant date,
        Instant receivedAt,
        String classification,
        String classificationReason,
        String status,
        String error,
        String failedRecipient,
        String deliveryStatus,
        String inReplyTo,
        List<String> references,
        Recipients recipients,
        List<Header> headers,
        String text,
        String html,
        long rawSize,
        List<Attachment> attachments) {

    public record Header(String name, String value) {
    }

    public record Address(String name, String address) {
    }

    public record Recipients(List<Address> to, List<Address> cc, List<Address> replyTo) {
    }

    /** {@code index} addresses it under {@code /api/messages/{id}/attachments/{index}}. */
    public record Attachment(int index, String name, String contentType, long size) {
    }
}
