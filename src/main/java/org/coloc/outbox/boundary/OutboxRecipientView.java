package org.coloc.outbox.boundary;

import org.coloc.outbox.entity.OutboxRecipient;

/** One recipient of an outgoing mail: pending, sent or failed, and why not sent when it is not. */
public record OutboxRecipientView(String address, String status, String error) {

    static OutboxRecipientView of(OutboxRecipient r) {
        return new OutboxRecipientView(r.getAddress(), r.getStatus(), r.getError());
    }
}
