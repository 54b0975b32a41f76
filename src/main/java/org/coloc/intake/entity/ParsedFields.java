package org.coloc.intake.entity;

import java.time.Instant;

/** The flat, storable view of a parsed and classified mail. */
public record ParsedFields(
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        String classification,
        String classificationReason,
        String failedRecipient,
        String deliveryStatus,
        String inReplyTo,
        String text) {
}
