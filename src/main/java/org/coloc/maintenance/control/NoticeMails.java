package org.coloc.maintenance.control;

import java.util.List;
import org.coloc.outbox.control.CalendarPart;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;

/**
 * The outbox requests of the maintenance notices: content from {@link MaintenanceNotices}, and the thread. The
 * announcement opens the member's thread; every later notice answers it ({@code In-Reply-To} and {@code References}
 * name the announcement), so a member's mail client shows one conversation per maintenance, and an answer to any of
 * them is recognised. Pure code.
 */
public final class NoticeMails {

    private NoticeMails() {
    }

    /**
     * A notice to a member.
     *
     * @param announcementId the Message-ID of the member's announcement; null for the announcement itself
     */
    public static NewMail toMember(NoticeKind kind, NoticeFacts facts, long memberId, String announcementId) {
        if (kind == NoticeKind.END_REMINDER) {
            throw new IllegalArgumentException("the end reminder goes to the admin");
        }
        if ((kind == NoticeKind.ANNOUNCEMENT) != (announcementId == null)) {
            throw new IllegalArgumentException(kind == NoticeKind.ANNOUNCEMENT
                    ? "the announcement opens the thread" : "a " + kind + " notice answers the member's announcement");
        }
        NewMail mail = NewMail.template(OutboxKind.NOTICE, List.of(facts.memberAddress()),
                MaintenanceNotices.template(kind), facts.language(), MaintenanceNotices.values(kind, facts))
                .aboutNotice(facts.maintenanceId(), memberId);
        if (announcementId != null) {
            mail = mail.inThread(announcementId, List.of(announcementId));
        }
        return withCalendar(mail, kind, facts);
    }

    /**
     * The admin's reminder to complete a maintenance whose end time came: an automatic report to the admin like
     * the case digest (kind {@link OutboxKind#REMINDER}), not a notice in a member's thread.
     */
    public static NewMail toAdmin(NoticeFacts facts) {
        NewMail mail = NewMail.template(OutboxKind.REMINDER, List.of(facts.memberAddress()),
                MaintenanceNotices.template(NoticeKind.END_REMINDER), facts.language(),
                MaintenanceNotices.values(NoticeKind.END_REMINDER, facts));
        return withCalendar(mail, NoticeKind.END_REMINDER, facts);
    }

    private static NewMail withCalendar(NewMail mail, NoticeKind kind, NoticeFacts facts) {
        CalendarPart calendar = MaintenanceNotices.calendar(kind, facts);
        return calendar == null ? mail : mail.withCalendar(calendar);
    }
}
