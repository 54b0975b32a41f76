package org.coloc.intake.boundary;

import java.time.Instant;
import org.coloc.intake.entity.InboundMail;

/** A mail in lists: enough to recognise it and decide what to open. */
public record MessageSummary(Long id, String messageId, String from, String subject, Instant date,
        Instant receivedAt, String classification, String status) {

    static MessageSummary of(InboundMail m) {
        return new MessageSummary(m.getId(), m.getMessageId(), m.getFromAddress(), m.getSubject(),
                m.getSentAt(), m.getReceivedAt(), m.getClassification(), m.getStatus());
    }
}
