package org.coloc.intake.boundary;

import java.time.Instant;

/** A mail in lists: enough to recognise it and decide what to open. */
public record MessageSummary(Long id, String messageId, String from, String subject, Instant date,
        Instant receivedAt, String classification, String status) {

}
