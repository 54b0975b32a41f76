package org.coloc.maintenance.control;

/**
 * The mails of a maintenance. To members, each in the thread of their announcement: the announcement, a reminder
 * before the start, the start, a new window or text, the cancellation, the end. To the admin: the reminder to
 * complete a maintenance whose end time came.
 */
public enum NoticeKind {
    ANNOUNCEMENT, REMINDER, STARTED, RESCHEDULED, UPDATED, CANCELLED, COMPLETED, END_REMINDER
}
