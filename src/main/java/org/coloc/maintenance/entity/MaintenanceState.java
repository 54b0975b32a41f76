package org.coloc.maintenance.entity;

import org.coloc.platform.Labelled;

/**
 * Where a maintenance stands. A draft is seen by the admin only; announcing it mails the affected members;
 * the start time makes it in progress; the admin (or the end time, when it completes itself) completes it.
 * A draft, announced or in-progress maintenance may be cancelled.
 */
public enum MaintenanceState implements Labelled {
    DRAFT, ANNOUNCED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** Longest label, for the column. */
    public static final int MAX_LABEL = 20;

    /** Over: nothing more happens to it, nor is it changed. */
    public boolean over() {
        return this == COMPLETED || this == CANCELLED;
    }
}
