package org.coloc.intake.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coloc.intake.entity.AttachmentInfo;

/** One mail with everything decoded: headers, text, attachments (without content), and why it was classified so. */
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
        Map<String, Object> recipients,
        List<Map<String, String>> headers,
        String text,
        String html,
        long rawSize,
        List<AttachmentInfo> attachments) {
}
