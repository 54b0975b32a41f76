package org.coloc.outbox.boundary;

import java.time.Instant;
import java.util.List;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.outbox.entity.OutboxRecipient;

/**
 * An outgoing mail as the admin sees it: where it stands (queued, sending, sent, failed, dropped), each
 * recipient with its own fate, and the last error. {@code caseNumber} null for mail about no case.
 */
public record OutboxMailView(long id, String messageId, String kind, Long caseNumber, String status,
        List<OutboxRecipientView> recipients, String subject, int attempts, Instant nextAttemptAt, String lastError,
        Instant created, Instant sentAt) {

    static OutboxMailView of(OutboxMail m, List<OutboxRecipient> recipients) {
        return new OutboxMailView(m.getId(), m.getMessageId(), m.getKind().label(), m.getCaseNumber(), m.getStatus().label(),
                recipients.stream().map(OutboxRecipientView::of).toList(), m.getSubject(), m.getAttempts(),
                m.getNextAttemptAt(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
    }
}
