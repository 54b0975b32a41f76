package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coloc.outbox.entity.OutboxKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the outbox makes of a caller's request: the headers each kind calls for, set in one place. */
class ComposerTest {

    private static final OutgoingIds IDS = new OutgoingIds("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII),
            "coloc.test");

    private static OutgoingMail compose(NewMail mail) {
        return Composer.compose(mail, IDS, "coloc.test");
    }

    private static NewMail acknowledgement() {
        return NewMail.template(OutboxKind.ACKNOWLEDGEMENT, List.of("ana@example.org"), "case-acknowledgement", "en",
                Map.of()).aboutCase(42, "VM down").inThread("req-1@example.org",
                        List.of("older@example.org", "req-1@example.org"));
    }

    @Test
    void anAcknowledgementIsTaggedThreadedKeyedToItsCaseAndMarkedAutoReplied() {
        OutgoingMail m = compose(acknowledgement());
        assertEquals("[coloc #42] Re: VM down", m.subject());
        assertTrue(m.text().contains("tracked as #42"), m.text());
        assertEquals(42L, IDS.caseOf(m.messageId()), "a reply naming it threads into case 42");
        assertEquals("req-1@example.org", m.inReplyTo());
        assertEquals(List.of("older@example.org", "req-1@example.org"), m.references());
        assertEquals("auto-replied", m.autoSubmitted());
        assertEquals(List.of("ana@example.org"), m.to());
        assertEquals(List.of(), m.headers());
        assertNull(m.calendar());
    }

    @Test
    void eachMailGetsItsOwnMessageId() {
        assertNotEquals(compose(acknowledgement()).messageId(), compose(acknowledgement()).messageId());
    }

    @Test
    void aReplyIsTheAdminsTextUnderTheCaseSubjectAndNotMarkedAutomatic() {
        OutgoingMail m = compose(NewMail.written(OutboxKind.REPLY, List.of("ana@example.org", "bob@example.org"), null,
                "Rebooted.\n").aboutCase(7, "[coloc #7] Re: VM down").inThread("req-2@example.org",
                        List.of("req-1@example.org", "req-2@example.org")));
        assertEquals("[coloc #7] Re: Re: VM down", m.subject(), "as before: the tag once, the subject as stored");
        assertEquals("Rebooted.\n", m.text());
        assertEquals(7L, IDS.caseOf(m.messageId()));
        assertNull(m.autoSubmitted());
        assertEquals(List.of("ana@example.org", "bob@example.org"), m.to(), "every recipient, in order");
    }

    @Test
    void aCaseWithoutSubjectStillGetsItsTag() {
        OutgoingMail m = compose(NewMail.written(OutboxKind.REPLY, List.of("a@x.org"), null, "t").aboutCase(3, null));
        assertEquals("[coloc #3] Re:", m.subject());
    }

    @Test
    void aClosingRendersItsTemplateWithTheCaseAndTheCallersValues() {
        OutgoingMail m = compose(NewMail.template(OutboxKind.CLOSING, List.of("ana@example.org"), "case-closing", "fr",
                Map.of("days", "21")).aboutCase(9, "Sauvegarde").inThread("last@example.org", List.of("last@example.org")));
        assertEquals("[coloc #9] Re: Sauvegarde", m.subject());
        assertTrue(m.text().contains("depuis 21 jours, nous refermons la demande #9"), m.text());
        assertEquals("auto-generated", m.autoSubmitted());
        assertEquals(9L, IDS.caseOf(m.messageId()));
    }

    @Test
    void aReportAboutNoCaseHasItsTemplatesSubjectAndAnIdOfOurDomain() {
        OutgoingMail m = compose(NewMail.template(OutboxKind.CERTIFICATE_REPORT, List.of("admin@coloc.test"),
                "certificates-expiring", "en", Map.of("count", 1, "days", 14, "certificates", List.of(Map.of(
                        "domain", "example.org", "vm", "web1", "expires", "2026-12-01", "expired", false,
                        "daysLeft", 2)))));
        assertEquals("[coloc] 1 certificate(s) expire within 14 days", m.subject());
        assertTrue(m.messageId().endsWith("@coloc.test"), m.messageId());
        assertNull(IDS.caseOf(m.messageId()));
        assertEquals("auto-generated", m.autoSubmitted());
        assertNull(m.inReplyTo());
        assertEquals(List.of(), m.references());
    }

    @Test
    void anUnknownLanguageGetsTheFrenchTemplate() {
        NewMail de = NewMail.template(OutboxKind.REMINDER, List.of("admin@coloc.test"), "case-reminder", "de",
                Map.of("count", 0, "cases", List.of()));
        assertEquals("[coloc] 0 demande(s) attendent une réponse", compose(de).subject());
    }

    /** Today's header values, kind by kind: changing one changes what mail clients and responders do. */
    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "ACKNOWLEDGEMENT, auto-replied", "REPLY, none", "REMINDER, auto-generated", "CLOSING, auto-generated",
        "CERTIFICATE_REPORT, auto-generated", "NOTICE, auto-generated", "COMMENT_NOTIFICATION, auto-generated",
        "COMMENT_CONFIRMATION, auto-replied", "COMMENT_MODERATION, auto-generated"})
    void eachKindCarriesItsAutoSubmitted(OutboxKind kind, String expected) {
        NewMail mail = NewMail.written(kind, List.of("a@x.org"), kind.aboutCase() ? null : "Subject", "Text");
        mail = kind.aboutCase() ? mail.aboutCase(1, "s") : kind == OutboxKind.NOTICE ? mail.aboutNotice(1, 2)
                : kind == OutboxKind.COMMENT_MODERATION ? mail.moderating(3) : kind.aboutComment() ? mail.aboutComment(3)
                : mail;
        assertEquals(expected, compose(mail).autoSubmitted());
    }

    @Test
    void idsThatCouldNotBeSentInAHeaderAreLeftOutOfTheThread() {
        String tooLong = "x".repeat(Headers.MAX_ID) + "@example.org";
        OutgoingMail m = compose(NewMail.written(OutboxKind.REPLY, List.of("a@x.org"), null, "t").aboutCase(1, "s")
                .inThread(tooLong, List.of("ok@example.org", "not an id@example.org", tooLong)));
        assertNull(m.inReplyTo());
        assertEquals(List.of("ok@example.org"), m.references());
    }

    @Test
    void aRequestThatContradictsItsKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.REPLY,
                List.of("a@x.org"), null, "no case")), "a reply belongs to a case");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.REMINDER,
                List.of("a@x.org"), "S", "t").aboutCase(1, "s")), "a reminder belongs to none");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.REPLY,
                List.of("a@x.org"), "My own subject", "t").aboutCase(1, "s")), "the case's subject is the outbox's");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.NOTICE,
                List.of("a@x.org"), null, "t").aboutNotice(1, 1)), "a mail about no case needs a subject");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.template(OutboxKind.CLOSING,
                List.of("a@x.org"), "case-closing", "fr", Map.of("days", "1", "number", "666")).aboutCase(1, "s")),
                "the case number in the text is the case's");
    }

    @Test
    void aTemplateValueMissingIsRefusedRatherThanSentWithAHole() {
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.template(OutboxKind.CLOSING,
                List.of("a@x.org"), "case-closing", "fr", Map.of()).aboutCase(1, "s")));
    }

    @Test
    void extraHeadersAndACalendarGoThroughEachNameOnce() {
        NewMail notice = NewMail.written(OutboxKind.COMMENT_NOTIFICATION, List.of("a@x.org"), "Maintenance",
                "Saturday 20:00.")
                .withHeaders(ExtraHeader.unsubscribe("mailto:unsubscribe@coloc.test?subject=7",
                        "https://coloc.test/unsubscribe/7"))
                .withCalendar(new CalendarPart(CalendarPart.Method.REQUEST, CalendarPartTest.ICS)).aboutComment(7);
        OutgoingMail m = compose(notice);
        assertEquals(List.of("List-Unsubscribe", "List-Unsubscribe-Post"),
                m.headers().stream().map(ExtraHeader::name).toList());
        assertEquals(CalendarPart.Method.REQUEST, m.calendar().method());
        assertThrows(IllegalArgumentException.class, () -> compose(notice.withHeaders(List.of(
                new ExtraHeader("List-Id", "<a.coloc.test>"), new ExtraHeader("list-id", "<b.coloc.test>")))));
    }

    // blog comments (issue 11)

    @Test
    void aCommentMailIsKeyedToItsCommentAndAModerationMailSaysSo() {
        OutgoingMail published = compose(NewMail.written(OutboxKind.COMMENT_NOTIFICATION, List.of("a@x.org"),
                "Published", "t").aboutComment(12));
        assertEquals(Optional.of(new NewMail.CommentThread(12, false)), IDS.commentOf(published.messageId()));
        OutgoingMail moderation = compose(NewMail.written(OutboxKind.COMMENT_MODERATION, List.of("admin@x.org"),
                "Pending", "t").moderating(12));
        assertEquals(Optional.of(new NewMail.CommentThread(12, true)), IDS.commentOf(moderation.messageId()));
        assertNull(IDS.caseOf(published.messageId()), "no case");
        assertTrue(IDS.noticeOf(moderation.messageId()).isEmpty(), "no notice");
        String forged = published.messageId().replaceFirst("^comment-12\\.", "comment-13.");
        assertTrue(IDS.commentOf(forged).isEmpty(), "another comment's number does not check out");
        String asModeration = published.messageId().replaceFirst("^comment-", "moderation-");
        assertTrue(IDS.commentOf(asModeration).isEmpty(), "a notification's MAC is no moderation mail's");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.COMMENT_NOTIFICATION,
                List.of("a@x.org"), "S", "t")), "a notification names its comment");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.COMMENT_NOTIFICATION,
                List.of("a@x.org"), "S", "t").moderating(1)), "a notification is no moderation mail");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.REMINDER,
                List.of("a@x.org"), "S", "t").aboutComment(1)), "a reminder names no comment");
    }

    // maintenance notices (issue 10)

    private static NewMail reminder() {
        return NewMail.written(OutboxKind.NOTICE, List.of("ana@example.org"), "Rappel : maintenance de h1 dimanche",
                "Dimanche de 1 h 30 à 3 h 30.\n").aboutNotice(7, 3)
                .inThread("notice-7-3.aaaa@coloc.test", List.of("notice-7-3.aaaa@coloc.test"));
    }

    @Test
    void aNoticeIsKeyedToItsMaintenanceAndMemberUntaggedThreadedAndAutoGenerated() {
        OutgoingMail m = compose(reminder());
        assertEquals("Rappel : maintenance de h1 dimanche", m.subject(), "the notice's own subject, no case tag");
        assertEquals(java.util.Optional.of(new NewMail.NoticeThread(7, 3)), IDS.noticeOf(m.messageId()),
                "a reply naming it finds the maintenance and the member");
        assertNull(IDS.caseOf(m.messageId()), "not a case's id");
        assertTrue(m.messageId().startsWith("notice-7-3.") && m.messageId().endsWith("@coloc.test"), m.messageId());
        assertEquals("auto-generated", m.autoSubmitted());
        assertEquals("notice-7-3.aaaa@coloc.test", m.inReplyTo());
        assertEquals(List.of("notice-7-3.aaaa@coloc.test"), m.references());
        assertEquals(List.of(), m.headers(), "no List-Unsubscribe: a service mail");
    }

    @Test
    void aNoticeFromATemplateKeepsTheTemplatesSubject() {
        OutgoingMail m = compose(NewMail.template(OutboxKind.NOTICE, List.of("ana@example.org"), "case-reminder", "en",
                Map.of("count", 0, "cases", List.of())).aboutNotice(7, 3));
        assertEquals("[coloc] 0 case(s) waiting for an answer", m.subject());
        assertEquals(java.util.Optional.of(new NewMail.NoticeThread(7, 3)), IDS.noticeOf(m.messageId()));
    }

    @Test
    void aNoticeNamesItsThreadAndOnlyANoticeDoes() {
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.NOTICE,
                List.of("a@x.org"), "S", "t")), "which maintenance, which member?");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.NOTICE,
                List.of("a@x.org"), "S", "t").aboutNotice(1, 1).aboutCase(4, "s")), "a notice is about no case");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.CERTIFICATE_REPORT,
                List.of("a@x.org"), "S", "t").aboutNotice(1, 1)), "a report is no notice");
        assertThrows(IllegalArgumentException.class, () -> compose(acknowledgement().aboutNotice(1, 1)),
                "an acknowledgement is a case's");
        assertThrows(IllegalArgumentException.class, () -> compose(NewMail.written(OutboxKind.NOTICE,
                List.of("a@x.org"), "S", "t").aboutNotice(0, 1)), "ids are positive");
    }

    @Test
    void aNoticeOffersNoUnsubscription() {
        assertThrows(IllegalArgumentException.class, () -> compose(reminder().withHeaders(ExtraHeader.unsubscribe(
                "mailto:u@coloc.test", "https://coloc.test/u"))));
        assertThrows(IllegalArgumentException.class, () -> compose(reminder().withHeaders(List.of(
                new ExtraHeader("List-Unsubscribe", "<mailto:u@coloc.test>")))));
    }
}
