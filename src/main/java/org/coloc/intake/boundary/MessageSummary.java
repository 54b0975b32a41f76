package org.coloc.intake.boundary;

import java.time.Instant;

/**
 * A mail in lists: enough to recognise it and decide what to open. {@code error}: why a quarantined mail is
 * quarantined (null otherwise), so that the dashboard's mail list shows the reason without opening each mail.
 */
public record MessageSummary(Long id, String messageId, String from, String subject, Instant date,
        Instant receivedAt, String classification, String status, String error) {

}
