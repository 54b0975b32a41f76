package org.coloc.maintenance.control;

/**
 * The mails of a maintenance. To members, each in the thread of their announcement: the announcement, a reminder
 * before the start, the start, a new window or text, the cancellation, the end. To the admin: the reminder to
 * complete a maintenance whose end time came.
 */
public enum NoticeKind {
    ANNOUNCEMENT, REMINDER, STARTED, RESCHEDULED, UPDATED, CANCELLED, COMPLETED, END_REMINDER;

    /**
     * Whether a member affected since the announcement (a VM set up on an affected host, a member back from former)
     * is sent the announcement when this notice goes out, and is told from then on: the notices of works still
     * ahead or under way. Not a cancellation or a completion: the first they would hear of the works would be
     * that they are off or over.
     */
    public boolean announcesToLateMembers() {
        return this == REMINDER || this == STARTED || this == RESCHEDULED || this == UPDATED;
    }
}
