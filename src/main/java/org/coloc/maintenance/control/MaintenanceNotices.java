package org.coloc.maintenance.control;

import java.util.Map;
import org.coloc.outbox.control.CalendarPart;

/**
 * The content of every maintenance notice: which template of {@code mail-templates/}, its values, and the
 * calendar part the kinds that change the event carry. Pure code.
 *
 * <p>STUB on main while the issue-10 streams work at once: the mmail stream writes the bodies.
 */
public final class MaintenanceNotices {

    private MaintenanceNotices() {
    }

    /** The template of {@code mail-templates/} for this kind ({@code maintenance-announcement}…). */
    public static String template(NoticeKind kind) {
        throw new UnsupportedOperationException("written by the mmail stream");
    }

    /** The template's values for this notice. */
    public static Map<String, Object> values(NoticeKind kind, NoticeFacts facts) {
        throw new UnsupportedOperationException("written by the mmail stream");
    }

    /**
     * The calendar part: REQUEST for ANNOUNCEMENT, RESCHEDULED and UPDATED; CANCEL for CANCELLED; null for the
     * kinds that do not change the event.
     */
    public static CalendarPart calendar(NoticeKind kind, NoticeFacts facts) {
        throw new UnsupportedOperationException("written by the mmail stream");
    }
}
