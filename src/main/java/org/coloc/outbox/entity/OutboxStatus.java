package org.coloc.outbox.entity;

import org.coloc.platform.Labelled;

/**
 * Where an outbox mail stands. {@code queued}: waiting for its (next) attempt; {@code sending}: taken by a
 * sender (due again if that sender dies); {@code sent}: delivered to at least one recipient (the others, if
 * any, carry why not); {@code failed}: refused for good, or given up after {@code coloc.outbox.give-up-after};
 * {@code dropped}: the admin withdrew it before it went out.
 */
public enum OutboxStatus implements Labelled {
    QUEUED, SENDING, SENT, FAILED, DROPPED;

    /** Rows written before issue 8 say "pending" for what is now "queued". */
    static final String LEGACY_QUEUED = "pending";

    public static OutboxStatus fromLabel(String label) {
        if (LEGACY_QUEUED.equals(label)) {
            return QUEUED;
        }
        return Labelled.find(OutboxStatus.class, label)
                .orElseThrow(() -> new IllegalArgumentException("no outbox status " + label));
    }
}
