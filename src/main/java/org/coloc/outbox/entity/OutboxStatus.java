package org.coloc.outbox.entity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an outbox mail stands. {@code queued}: waiting for its (next) attempt; {@code sending}: taken by a
 * sender (due again if that sender dies); {@code sent}: delivered to at least one recipient (the others, if
 * any, carry why not); {@code failed}: refused for good, or given up after {@code coloc.outbox.give-up-after};
 * {@code dropped}: the admin withdrew it before it went out.
 */
public enum OutboxStatus {
    QUEUED, SENDING, SENT, FAILED, DROPPED;

    /** Rows written before issue 8 say "pending" for what is now "queued". */
    static final String LEGACY_QUEUED = "pending";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutboxStatus fromLabel(String label) {
        if (LEGACY_QUEUED.equals(label)) {
            return QUEUED;
        }
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outbox status " + label));
    }
}
