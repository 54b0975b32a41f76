package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;
import org.coloc.outbox.control.CalendarPart;
import org.coloc.outbox.control.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each member reads and what lands in his calendar, in both languages and across DST changes. */
class MaintenanceNoticesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Last Sunday of October 2026, 01:30–03:30 Paris: starts in summer time (UTC+2), ends in winter time. */
    static final Instant OCT_START = Instant.parse("2026-10-24T23:30:00Z");
    static final Instant OCT_END = Instant.parse("2026-10-25T02:30:00Z");
    static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");

    static final AffectedVm VELO = new AffectedVm(7, "velo", "velo.vm.coloc.example",
            List.of("velo.example", "www.velo.example"));
    static final AffectedVm WIKI = new AffectedVm(9, "wiki", "wiki.vm.coloc.example", List.of());

    static NoticeFacts facts(String language, Instant start, Instant end) {
        return new NoticeFacts(42, 0, "Changement de disques", null, "Le serveur s1 sera éteint.", null, start,
                end, PARIS, language, "Ana Dupont", "ana@example.org", List.of(VELO, WIKI), "coloc@example.org",
                "example.org", null, null, null, NOW);
    }

    static NoticeFacts october(String language) {
        return facts(language, OCT_START, OCT_END);
    }

    static String text(NoticeKind kind, NoticeFacts facts) {
        return render(kind, facts).text();
    }

    static Template.Rendered render(NoticeKind kind, NoticeFacts facts) {
        return Template.load(MaintenanceNotices.template(kind), facts.language())
                .render(MaintenanceNotices.values(kind, facts));
    }

    static Calendar parse(CalendarPart part) throws Exception {
        return new CalendarBuilder().build(new StringReader(part.ics()));
    }

    static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    static Instant instant(DateProperty<?> p) {
        return Instant.from((Temporal) p.getDate());
    }

    @Test
    void templatesAreNamedByKind() {
        assertEquals("maintenance-announcement", MaintenanceNotices.template(NoticeKind.ANNOUNCEMENT));
        assertEquals("maintenance-end-reminder", MaintenanceNotices.template(NoticeKind.END_REMINDER));
        assertEquals("maintenance-rescheduled", MaintenanceNotices.template(NoticeKind.RESCHEDULED));
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void everyKindRendersInBothLanguagesWithTheTitle(NoticeKind kind) {
        Template.Rendered fr = render(kind, october("fr"));
        Template.Rendered en = render(kind, october("en"));
        assertTrue(fr.subject().contains("Changement de disques"), fr.subject());
        assertTrue(fr.text().contains("Changement de disques"), fr.text());
        assertTrue(en.text().contains("Changement de disques"), "English falls back to the French title");
        assertFalse(fr.text().equals(en.text()));
        assertTrue(fr.text().contains("\n-- \n") && en.text().contains("\n-- \n"));
    }

    @ParameterizedTest
    @EnumSource(value = NoticeKind.class, names = "END_REMINDER", mode = EnumSource.Mode.EXCLUDE)
    void memberNoticesNameTheMemberAndSayReplyingReachesTheAdmin(NoticeKind kind) {
        String fr = text(kind, october("fr"));
        String en = text(kind, october("en"));
        assertTrue(fr.startsWith("Bonjour Ana Dupont,"), fr);
        assertTrue(en.startsWith("Hello Ana Dupont,"), en);
        assertTrue(fr.contains("Répondez simplement à ce mail") || fr.contains("répondez simplement à ce mail"), fr);
        assertTrue(en.toLowerCase().contains("reply to this mail"), en);
    }

    @Test
    void announcementListsTheMembersOwnVmsHostnamesAndDomains() {
        String fr = text(NoticeKind.ANNOUNCEMENT, october("fr"));
        assertTrue(fr.contains("- velo (velo.vm.coloc.example) : velo.example, www.velo.example\n"), fr);
        assertTrue(fr.contains("- wiki (wiki.vm.coloc.example)\n"), "a VM without domains lists none: " + fr);
        assertTrue(fr.contains("À quoi s'attendre :\nLe serveur s1 sera éteint."), fr);
        String en = text(NoticeKind.ANNOUNCEMENT, october("en"));
        assertTrue(en.contains("- velo (velo.vm.coloc.example): velo.example, www.velo.example\n"), en);
        assertTrue(en.contains("What to expect:\nLe serveur s1 sera éteint."), "French description by default");
    }

    @Test
    void windowAcrossTheOctoberChangeShowsBothOffsetsAndUtc() {
        String fr = text(NoticeKind.ANNOUNCEMENT, october("fr"));
        assertTrue(fr.contains("Quand : dimanche 25 octobre 2026, de 01:30 (UTC+2) à 03:30 (UTC+1), heure de Paris\n"),
                fr);
        assertTrue(fr.contains("Soit en UTC : du samedi 24 octobre 2026 à 23:30 au dimanche 25 octobre 2026 à 02:30 UTC"),
                fr);
        assertTrue(render(NoticeKind.ANNOUNCEMENT, october("fr")).subject()
                .startsWith("[coloc] Maintenance prévue le dimanche 25 octobre 2026 : "));
        String en = text(NoticeKind.ANNOUNCEMENT, october("en"));
        assertTrue(en.contains("When: Sunday 25 October 2026, 01:30 (UTC+2) to 03:30 (UTC+1), Paris time\n"), en);
        assertTrue(en.contains("In UTC: from Saturday 24 October 2026, 23:30 to Sunday 25 October 2026, 02:30 UTC"),
                en);
    }

    @Test
    void windowAcrossTheMarchChangeShowsBothOffsets() {
        // last Sunday of March 2027: 01:30 CET (UTC+1) to 03:30 CEST (UTC+2), one hour of real time
        NoticeFacts march = facts("fr", Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T01:30:00Z"));
        assertEquals("dimanche 28 mars 2027, de 01:30 (UTC+1) à 03:30 (UTC+2), heure de Paris",
                MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, march).get("window"));
        assertEquals("dimanche 28 mars 2027, de 00:30 à 01:30 UTC",
                MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, march).get("windowUtc"));
    }

    @Test
    void openEndedWindowSaysUntilDone() {
        NoticeFacts open = facts("fr", OCT_START, null);
        String fr = text(NoticeKind.ANNOUNCEMENT, open);
        assertTrue(fr.contains("Quand : à partir du dimanche 25 octobre 2026 à 01:30 (UTC+2), heure de Paris, "
                + "jusqu'à la fin des travaux"), fr);
        assertTrue(text(NoticeKind.STARTED, open).contains("pas de durée fixe"));
        assertFalse(text(NoticeKind.STARTED, october("fr")).contains("pas de durée fixe"));
        String en = text(NoticeKind.ANNOUNCEMENT, facts("en", OCT_START, null));
        assertTrue(en.contains("When: from Sunday 25 October 2026, 01:30 (UTC+2), Paris time, until the work is done"),
                en);
    }

    @Test
    void englishTextsAreUsedWhenTheAdminWroteThem() {
        NoticeFacts f = new NoticeFacts(42, 0, "Changement de disques", "Disk swap", "Le serveur s1 sera éteint.",
                "Server s1 will be off.", OCT_START, OCT_END, PARIS, "en", "Bob", "bob@example.org", List.of(VELO),
                "coloc@example.org", "example.org", null, null, null, NOW);
        Template.Rendered en = render(NoticeKind.ANNOUNCEMENT, f);
        assertTrue(en.subject().endsWith(": Disk swap"), en.subject());
        assertTrue(en.text().contains("Server s1 will be off."));
        assertFalse(en.text().contains("éteint"));
        Template.Rendered fr = render(NoticeKind.ANNOUNCEMENT, new NoticeFacts(42, 0, "Changement de disques",
                "Disk swap", "Le serveur s1 sera éteint.", "Server s1 will be off.", OCT_START, OCT_END, PARIS, "fr",
                "Bob", "bob@example.org", List.of(VELO), "coloc@example.org", "example.org", null, null, null, NOW));
        assertFalse(fr.text().contains("Disk swap"));
    }

    @Test
    void rescheduledShowsTheOldAndTheNewWindow() {
        NoticeFacts moved = new NoticeFacts(42, 1, "Changement de disques", null, "x", null, OCT_START, OCT_END,
                PARIS, "fr", "Ana", "ana@example.org", List.of(VELO), "coloc@example.org", "example.org", null,
                Instant.parse("2026-10-17T23:30:00Z"), Instant.parse("2026-10-18T01:30:00Z"), NOW);
        String fr = text(NoticeKind.RESCHEDULED, moved);
        assertTrue(fr.contains("Ancien créneau : dimanche 18 octobre 2026, de 01:30 (UTC+2) à 03:30 (UTC+2), heure de Paris"),
                fr);
        assertTrue(fr.contains("Nouveau créneau : dimanche 25 octobre 2026, de 01:30 (UTC+2) à 03:30 (UTC+1)"), fr);
        assertTrue(render(NoticeKind.RESCHEDULED, moved).subject().contains("déplacée au dimanche 25 octobre 2026"));
    }

    @Test
    void cancelledGivesTheReasonOnlyWhenThereIsOne() {
        NoticeFacts withReason = new NoticeFacts(42, 1, "Changement de disques", null, "x", null, OCT_START, OCT_END,
                PARIS, "fr", "Ana", "ana@example.org", List.of(VELO), "coloc@example.org", "example.org",
                "Les disques ne sont pas arrivés.", null, null, NOW);
        assertTrue(text(NoticeKind.CANCELLED, withReason).contains("Raison : Les disques ne sont pas arrivés."));
        assertFalse(text(NoticeKind.CANCELLED, october("fr")).contains("Raison"));
        assertFalse(text(NoticeKind.CANCELLED, october("en")).contains("Reason"));
    }

    @Test
    void endReminderTellsTheAdminHowToComplete() {
        NoticeFacts admin = new NoticeFacts(42, 0, "Changement de disques", null, "x", null, OCT_START, OCT_END,
                PARIS, "fr", null, "admin@example.org", List.of(), "coloc@example.org", "example.org", null, null,
                null, NOW);
        String fr = text(NoticeKind.END_REMINDER, admin);
        assertTrue(fr.contains("POST /api/maintenances/42/complete"), fr);
    }

    @Test
    void valuesAreTheSameKeysForEveryKind() {
        var keys = MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, october("fr")).keySet();
        for (NoticeKind kind : NoticeKind.values()) {
            assertEquals(keys, MaintenanceNotices.values(kind, october("fr")).keySet(), kind.name());
        }
    }

    @Test
    void onlyKindsThatChangeTheEventCarryACalendar() {
        for (NoticeKind kind : List.of(NoticeKind.REMINDER, NoticeKind.STARTED, NoticeKind.COMPLETED,
                NoticeKind.END_REMINDER)) {
            assertNull(MaintenanceNotices.calendar(kind, october("fr")), kind.name());
        }
        assertEquals(CalendarPart.Method.REQUEST, MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, october("fr")).method());
        assertEquals(CalendarPart.Method.REQUEST, MaintenanceNotices.calendar(NoticeKind.RESCHEDULED, october("fr")).method());
        assertEquals(CalendarPart.Method.REQUEST, MaintenanceNotices.calendar(NoticeKind.UPDATED, october("fr")).method());
        assertEquals(CalendarPart.Method.CANCEL, MaintenanceNotices.calendar(NoticeKind.CANCELLED, october("fr")).method());
    }

    /** The zone is written once per process and reused: each invitation still carries it once, before its event. */
    @Test
    void everyInvitationCarriesItsZoneOnceBetweenTheMethodAndTheEvent() throws Exception {
        String first = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, october("fr")).ics();
        String second = MaintenanceNotices.calendar(NoticeKind.CANCELLED, october("en")).ics();
        for (String ics : List.of(first, second)) {
            int method = ics.indexOf("\r\nMETHOD:");
            int zone = ics.indexOf("BEGIN:VTIMEZONE\r\n");
            int event = ics.indexOf("BEGIN:VEVENT\r\n");
            assertTrue(method > 0 && method < zone && zone < event, ics);
            assertEquals(zone, ics.lastIndexOf("BEGIN:VTIMEZONE"), "one VTIMEZONE: " + ics);
            assertTrue(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"), ics);
            assertEquals(1, parse(new CalendarPart(ics.contains("METHOD:CANCEL") ? CalendarPart.Method.CANCEL
                    : CalendarPart.Method.REQUEST, ics)).getComponents("VTIMEZONE").size());
        }
        assertEquals(zoneOf(first), zoneOf(second));
    }

    private static String zoneOf(String ics) {
        return ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
    }

    @Test
    void invitationParsesBackWithTheRightInstantsAcrossTheOctoberChange() throws Exception {
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, october("fr"));
        assertTrue(part.ics().contains("\r\nMETHOD:REQUEST\r\n"), part.ics());
        assertTrue(part.ics().contains("DTSTART;TZID=Europe/Paris:20261025T013000"), part.ics());
        assertTrue(part.ics().contains("DTEND;TZID=Europe/Paris:20261025T033000"), part.ics());
        assertTrue(part.ics().contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"), part.ics());
        Calendar calendar = parse(part);
        assertEquals("REQUEST", calendar.getProperty("METHOD").orElseThrow().getValue());
        VEvent event = event(calendar);
        assertEquals(OCT_START, instant(event.getDateTimeStart()));
        assertEquals(OCT_END, instant(event.getDateTimeEnd()));
        assertEquals("maintenance-42.example.org", event.getUid().orElseThrow().getValue());
        assertEquals("0", event.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals("CONFIRMED", event.getProperty("STATUS").orElseThrow().getValue());
        assertEquals(NOW, instant((DateProperty<?>) event.getProperty("DTSTAMP").orElseThrow()));
        assertEquals(1, event.getProperties("DTSTAMP").size(), "one DTSTAMP: the notice's, not the build's");
        assertEquals("mailto:coloc@example.org", event.getProperty("ORGANIZER").orElseThrow().getValue());
        Attendee attendee = (Attendee) event.getProperty("ATTENDEE").orElseThrow();
        assertEquals("mailto:ana@example.org", attendee.getValue());
        assertEquals("FALSE", attendee.getParameter("RSVP").orElseThrow().getValue());
        assertEquals("Ana Dupont", attendee.getParameter("CN").orElseThrow().getValue());
        String description = event.getProperty("DESCRIPTION").orElseThrow().getValue();
        assertTrue(description.contains("velo (velo.vm.coloc.example) : velo.example, www.velo.example"), description);
        assertTrue(event.getProperty("SUMMARY").orElseThrow().getValue().contains("Changement de disques"));
    }

    @Test
    void invitationHasTheRightInstantsAcrossTheMarchChange() throws Exception {
        Instant start = Instant.parse("2027-03-28T00:30:00Z");
        Instant end = Instant.parse("2027-03-28T01:30:00Z");
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, facts("fr", start, end));
        assertTrue(part.ics().contains("DTSTART;TZID=Europe/Paris:20270328T013000"), part.ics());
        assertTrue(part.ics().contains("DTEND;TZID=Europe/Paris:20270328T033000"), part.ics());
        VEvent event = event(parse(part));
        assertEquals(start, instant(event.getDateTimeStart()));
        assertEquals(end, instant(event.getDateTimeEnd()));
    }

    @Test
    void uidStaysAndSequenceFollowsTheRecordWhenTheWindowMoves() throws Exception {
        NoticeFacts moved = new NoticeFacts(42, 1, "Changement de disques", null, "x", null,
                OCT_START.plusSeconds(7 * 86400), OCT_END.plusSeconds(7 * 86400), PARIS, "fr", "Ana",
                "ana@example.org", List.of(VELO), "coloc@example.org", "example.org", null, OCT_START, OCT_END,
                NOW.plusSeconds(60));
        VEvent first = event(parse(MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, october("fr"))));
        VEvent second = event(parse(MaintenanceNotices.calendar(NoticeKind.RESCHEDULED, moved)));
        assertEquals(first.getUid().orElseThrow().getValue(), second.getUid().orElseThrow().getValue());
        assertEquals("1", second.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals(OCT_START.plusSeconds(7 * 86400), instant(second.getDateTimeStart()));
        VEvent other = event(parse(MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, new NoticeFacts(43, 0, "t",
                null, "d", null, OCT_START, OCT_END, PARIS, "fr", "Ana", "ana@example.org", List.of(VELO),
                "coloc@example.org", "example.org", null, null, null, NOW))));
        assertFalse(first.getUid().orElseThrow().getValue().equals(other.getUid().orElseThrow().getValue()));
    }

    @Test
    void cancellationIsMethodCancelWithStatusCancelledAndTheReason() throws Exception {
        NoticeFacts cancelled = new NoticeFacts(42, 2, "Changement de disques", null, "x", null, OCT_START, OCT_END,
                PARIS, "en", "Ana", "ana@example.org", List.of(VELO), "coloc@example.org", "example.org",
                "Disks did not arrive.", null, null, NOW);
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.CANCELLED, cancelled);
        assertEquals("text/calendar; method=CANCEL; charset=UTF-8", part.contentType());
        Calendar calendar = parse(part);
        assertEquals("CANCEL", calendar.getProperty("METHOD").orElseThrow().getValue());
        VEvent event = event(calendar);
        assertEquals("CANCELLED", event.getProperty("STATUS").orElseThrow().getValue());
        assertEquals("2", event.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals("maintenance-42.example.org", event.getUid().orElseThrow().getValue());
        assertTrue(event.getProperty("DESCRIPTION").orElseThrow().getValue().contains("Disks did not arrive."));
    }

    @Test
    void openEndedInvitationGetsANominalSlotAndSaysSo() throws Exception {
        VEvent event = event(parse(MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, facts("fr", OCT_START, null))));
        assertEquals(OCT_START.plus(MaintenanceCalendar.OPEN_END_SLOT), instant(event.getDateTimeEnd()));
        assertTrue(event.getProperty("SUMMARY").orElseThrow().getValue().contains("jusqu'à la fin des travaux"));
    }

    @Test
    void aZoneIcal4jDoesNotKnowIsWrittenInUtc() throws Exception {
        NoticeFacts offset = new NoticeFacts(42, 0, "t", null, "d", null, OCT_START, OCT_END, ZoneId.of("+02:00"),
                "fr", "Ana", "ana@example.org", List.of(VELO), "coloc@example.org", "example.org", null, null, null,
                NOW);
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, offset);
        assertFalse(part.ics().contains("VTIMEZONE"), part.ics());
        assertTrue(part.ics().contains("DTSTART:20261024T233000Z"), part.ics());
        assertEquals(OCT_START, instant(event(parse(part)).getDateTimeStart()));
        assertEquals("dimanche 25 octobre 2026, de 01:30 (UTC+2) à 04:30 (UTC+2), heure UTC+02:00",
                MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, offset).get("window"));
    }

    @Test
    void anEndInTheRepeatedHourIsWrittenInUtc() throws Exception {
        // 01:30 CEST + 2 h = 02:30 CET, the second 02:30 of that night: with TZID it would read as the first
        NoticeFacts open = facts("fr", OCT_START, OCT_START.plus(MaintenanceCalendar.OPEN_END_SLOT));
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, open);
        assertTrue(part.ics().contains("DTEND:20261025T013000Z"), part.ics());
        assertEquals(OCT_START.plus(MaintenanceCalendar.OPEN_END_SLOT), instant(event(parse(part)).getDateTimeEnd()));
    }

    @Test
    void hostileNamesStayInsideTheirProperty() throws Exception {
        NoticeFacts hostile = new NoticeFacts(42, 0, "Titre\r\nATTENDEE:mailto:evil@example.net", null,
                "ligne 1\r\nEND:VEVENT\r\nBEGIN:VEVENT", null, OCT_START, OCT_END, PARIS, "fr",
                "Eve \"the\" ; boss\r\nX-EVIL:1", "eve@example.org", List.of(VELO), "coloc@example.org", "example.org",
                null, null, null, NOW);
        Calendar calendar = parse(MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, hostile));
        assertEquals(1, calendar.getComponents("VEVENT").size());
        VEvent event = event(calendar);
        assertEquals(1, event.getProperties("ATTENDEE").size());
        assertTrue(event.getProperties("X-EVIL").isEmpty());
        assertTrue(event.getProperty("DESCRIPTION").orElseThrow().getValue().contains("END:VEVENT"));
    }

    @Test
    void sizeStaysWellUnderTheOutboxLimit() {
        NoticeFacts many = new NoticeFacts(42, 0, "t", null, "d".repeat(5000), null, OCT_START, OCT_END, PARIS, "fr",
                "Ana", "ana@example.org", java.util.stream.IntStream.range(0, 30).mapToObj(i -> new AffectedVm(i,
                        "vm" + i, "vm" + i + ".coloc.example", List.of("site" + i + ".example"))).toList(),
                "coloc@example.org", "example.org", null, null, null, NOW);
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, many);
        assertNotNull(part);
        assertTrue(part.ics().length() < CalendarPart.MAX_ICS / 2, "size " + part.ics().length());
    }

    @Test
    void longTextsAreFoldedAndComeBackWhole() throws Exception {
        String description = "Le serveur é".repeat(200);
        NoticeFacts f = new NoticeFacts(42, 0, "t", null, description, null, OCT_START, OCT_END, PARIS, "fr", "Ana",
                "ana@example.org", List.of(VELO), "coloc@example.org", "example.org", null, null, null, NOW);
        CalendarPart part = MaintenanceNotices.calendar(NoticeKind.ANNOUNCEMENT, f);
        for (String line : part.ics().split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
        assertFalse(part.ics().replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        assertTrue(event(parse(part)).getProperty("DESCRIPTION").orElseThrow().getValue().startsWith(description));
    }

    @Test
    void publishIsNotAnInvitation() {
        assertThrows(IllegalArgumentException.class, () -> MaintenanceCalendar.invitation(CalendarPart.Method.PUBLISH,
                null, "example.org", "coloc@example.org", "a@example.org", "A"));
    }

    @Test
    void valuesOfATemplateMissingNothing() {
        Map<String, Object> v = MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, october("fr"));
        assertEquals(42L, v.get("maintenance"));
        assertEquals(Boolean.TRUE, v.get("showUtc"));
        assertEquals(Boolean.FALSE, MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, new NoticeFacts(1, 0, "t", null,
                "d", null, OCT_START, OCT_END, ZoneId.of("UTC"), "fr", "A", "a@example.org", List.of(), "c@example.org",
                "example.org", null, null, null, NOW)).get("showUtc"));
    }
}
