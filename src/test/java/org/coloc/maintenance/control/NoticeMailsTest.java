package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.coloc.outbox.control.CalendarPart;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notice to a member is a NOTICE about that maintenance and member, in the thread of their announcement. */
class NoticeMailsTest {

    private static final String ANNOUNCEMENT = "notice-7-12.abc@coloc.example";
    private static final NoticeFacts FACTS = new NoticeFacts(7, 2, "Disques", null, "On change les disques.", null,
            Instant.parse("2027-03-10T20:00:00Z"), Instant.parse("2027-03-10T22:00:00Z"), ZoneId.of("Europe/Paris"),
            "en", "Bob", "bob@example.org", List.of(new AffectedVm(3, "bob-web", "web.bob.example",
                    List.of("bob.example"))), "coloc@coloc.example", "coloc.example", null, null, null,
            Instant.parse("2027-03-01T12:00:00Z"));

    @ParameterizedTest
    @EnumSource(value = NoticeKind.class, names = "END_REMINDER", mode = EnumSource.Mode.EXCLUDE)
    void aNoticeToAMember(NoticeKind kind) {
        boolean announcement = kind == NoticeKind.ANNOUNCEMENT;
        NewMail mail = NoticeMails.toMember(kind, FACTS, 12, announcement ? null : ANNOUNCEMENT);
        assertEquals(OutboxKind.NOTICE, mail.kind());
        assertEquals(List.of("bob@example.org"), mail.to());
        assertEquals(new NewMail.NoticeThread(7, 12), mail.notice());
        assertNull(mail.caseNumber());
        assertEquals(announcement ? null : ANNOUNCEMENT, mail.inReplyTo());
        assertEquals(announcement ? List.of() : List.of(ANNOUNCEMENT), mail.references());
        NewMail.FromTemplate content = (NewMail.FromTemplate) mail.content();
        assertEquals(MaintenanceNotices.template(kind), content.name());
        assertEquals("en", content.language());
        CalendarPart calendar = mail.calendar();
        switch (kind) {
            case ANNOUNCEMENT, RESCHEDULED, UPDATED -> assertEquals(CalendarPart.Method.REQUEST, calendar.method());
            case CANCELLED -> assertEquals(CalendarPart.Method.CANCEL, calendar.method());
            default -> assertNull(calendar);
        }
        if (calendar != null) {
            assertNotNull(calendar.ics());
        }
    }

    @org.junit.jupiter.api.Test
    void theThreadIsOpenedByTheAnnouncementOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> NoticeMails.toMember(NoticeKind.ANNOUNCEMENT, FACTS, 12, ANNOUNCEMENT));
        assertThrows(IllegalArgumentException.class, () -> NoticeMails.toMember(NoticeKind.REMINDER, FACTS, 12, null));
        assertThrows(IllegalArgumentException.class,
                () -> NoticeMails.toMember(NoticeKind.END_REMINDER, FACTS, 12, ANNOUNCEMENT));
    }

    @org.junit.jupiter.api.Test
    void theEndReminderIsAnAutomaticReportToTheAdmin() {
        NewMail mail = NoticeMails.toAdmin(FACTS);
        assertEquals(OutboxKind.REMINDER, mail.kind());
        assertNull(mail.notice());
        assertNull(mail.inReplyTo());
    }
}
