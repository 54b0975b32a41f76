package org.coloc.it;

import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maintenance notices end to end, as the admin and the members live them: 3 hosts, 12 VMs, 7 members (French and
 * English, one former, one without VMs). A maintenance on one host (plus one VM named on another) is planned, its
 * audience and previews read, announced: only the affected members get mail, each listing their own VMs and
 * domains, exactly as previewed, with a calendar invitation. The clock is moved (never slept): reminders fire once
 * each at their time, also across a restart of the application; the start puts the host in maintenance; a
 * reschedule and a cancellation carry the right METHOD and SEQUENCE; every notice threads under the member's
 * announcement. Last, a maintenance across the October DST change has the right instants in its calendar. The tests
 * build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** How long a test waits to be sure that no (further) mail comes. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String ALICE = "alice@members.test";
    private static final String BOB = "bob@members.test";
    private static final String CHLOE = "chloe@members.test";
    private static final String DAN = "dan@members.test";
    private static final String EVE = "eve@members.test";
    private static final String FRED = "fred@members.test";
    private static final String GABY = "gaby@members.test";
    /** Joins after the announcement, with a VM on the affected host. */
    private static final String HUGO = "hugo@members.test";
    private static final List<String> TOLD = List.of(ALICE, BOB, CHLOE);
    private static final List<String> NOT_TOLD = List.of(DAN, EVE, FRED, GABY);

    @RegisterExtension
    static final ColocApp app = ColocApp.named("maintenance").withMailServer()
            .set("COLOC_CLOCK_CONTROL", "true").set("COLOC_TIMEZONE", "Europe/Paris")
            .set("COLOC_ADMIN_EMAIL", "owner@coloc.test");
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    private static final Map<String, Long> members = new LinkedHashMap<>();
    private static final Map<String, Long> hosts = new LinkedHashMap<>();
    private static final Map<String, Long> vms = new LinkedHashMap<>();
    /** When the test started: the windows are set from it; the app's clock only moves forward of it. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static long planned;
    private static long dst;
    private static Instant dstEnd;
    /** Each told member's announcement Message-ID. */
    private static final Map<String, String> announcements = new LinkedHashMap<>();

    @Test
    @Order(1)
    void theInventory() {
        member("Alice Vélo", ALICE, "fr", "active");
        member("Bob Radio", BOB, "en", "active");
        member("Chloé Jardin", CHLOE, "fr", "active");
        member("Dan Forge", DAN, "en", "active");
        member("Ève Ancienne", EVE, "fr", "former");
        member("Fred Sans-VM", FRED, "en", "active");
        member("Gaby Mixte", GABY, "fr", "active");
        for (String h : List.of("alpha", "beta", "gamma")) {
            hosts.put(h, created(api.post("/api/hosts", """
                    {"name": "%s", "cores": 16, "memoryMiB": 65536, "storageGiB": 2000}""".formatted(h))));
        }
        vm("velo-web", "alpha", ALICE, "active", "velo.example", "www.velo.example");
        vm("velo-db", "alpha", ALICE, "suspended");
        vm("radio-stream", "alpha", BOB, "active", "radio.example");
        vm("radio-archive", "beta", BOB, "active", "archive.radio.example");
        vm("jardin-wiki", "beta", CHLOE, "active", "wiki.jardin.example");
        vm("jardin-cloud", "beta", CHLOE, "provisioning", "cloud.jardin.example");
        vm("forge-git", "gamma", DAN, "active", "git.forge.example");
        vm("forge-ci", "gamma", DAN, "requested");
        vm("ancienne", "alpha", EVE, "active", "ancienne.example");
        vm("mixte-old", "alpha", GABY, "decommissioned", "old.mixte.example");
        vm("mixte-new", "gamma", GABY, "active", "mixte.example");
        vm("spare", "alpha", null, "active");
        assertEquals(12, api.getJson("/api/vms").getInt("total"));
        assertEquals(7, api.getJson("/api/members").getInt("total"));
    }

    @Test
    @Order(2)
    void badPlansAreRefusedWithTheFieldNamed() {
        String start = at(T0.plus(Duration.ofHours(74)));
        JsonObject p = assertProblem(api.post("/api/maintenances", """
                {"title": "t", "description": "d", "start": "%s", "end": "%s", "hosts": [%d]}"""
                .formatted(start, at(T0.plus(Duration.ofHours(73))), hosts.get("alpha"))), 400);
        assertTrue(p.toString().contains("\"end\""), p.toString());
        p = assertProblem(api.post("/api/maintenances", """
                {"title": "t", "description": "d", "start": "%s", "hosts": [999999], "vms": [888888]}"""
                .formatted(start)), 400);
        assertTrue(p.toString().contains("999999") && p.toString().contains("888888"), p.toString());
        assertProblem(api.post("/api/maintenances", "{\"title\": "), 400);
        assertProblem(api.post("/api/maintenances", """
                {"title": "t", "description": "d", "start": "demain", "hosts": [1]}"""), 400);
        assertProblem(api.get("/api/maintenances/abc"), 400);
        assertProblem(api.get("/api/maintenances/999999"), 404);
        assertProblem(api.post("/api/maintenances/999999/announce", null), 404);

        long draft = created(api.post("/api/maintenances", """
                {"title": "Brouillon", "description": "d", "start": "%s", "everything": true}""".formatted(start)));
        assertEquals(204, api.delete("/api/maintenances/" + draft, "\"1\"").status());
        assertEquals(0, api.getJson("/api/maintenances").getInt("total"));
    }

    @Test
    @Order(3)
    void theAudienceIsComputedAndEachPreviewIsThatMembersMail() throws Exception {
        Api.Reply r = api.post("/api/maintenances", """
                {"title": "Remplacement des disques", "titleEn": "Disk replacement",
                 "description": "Les disques de alpha sont remplacés.", "descriptionEn": "alpha gets new disks.",
                 "start": "%s", "end": "%s", "hosts": [%d], "vms": [%d]}"""
                .formatted(at(T0.plus(Duration.ofHours(74))), at(T0.plus(Duration.ofHours(76))), hosts.get("alpha"),
                        vms.get("jardin-wiki")));
        planned = created(r);
        JsonObject m = r.json();
        assertEquals("draft", m.getString("state"));
        assertEquals(0, m.getInt("sequence"));
        assertEquals("Europe/Paris", m.getString("timeZone"), "coloc.timezone by default");
        assertEquals(T0.plus(Duration.ofHours(74)), OffsetDateTime.parse(m.getString("start")).toInstant());

        JsonObject audience = api.getJson("/api/maintenances/" + planned + "/audience");
        assertEquals(3, audience.getInt("total"));
        Map<Long, Set<String>> told = audience.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(a -> a.getJsonNumber("member").longValue(), a -> a.getJsonArray("vms")
                        .getValuesAs(JsonObject.class).stream().map(v -> v.getString("name"))
                        .collect(Collectors.toSet())));
        assertEquals(Map.of(members.get(ALICE), Set.of("velo-web", "velo-db"), members.get(BOB),
                Set.of("radio-stream"), members.get(CHLOE), Set.of("jardin-wiki")), told);
        JsonObject alice = audience.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("email").equals(ALICE)).findFirst().orElseThrow();
        assertEquals("fr", alice.getString("language"));
        assertEquals("Alice Vélo", alice.getString("displayName"));
        assertTrue(alice.getJsonArray("vms").toString().contains("www.velo.example"), alice.toString());

        JsonObject preview = api.getJson("/api/maintenances/" + planned + "/preview?member=" + members.get(BOB));
        assertTrue(preview.getString("text").contains("radio-stream"), preview.toString());
        assertFalse(preview.getString("text").contains("radio-archive"), "only the affected VMs: " + preview);
        assertFalse(preview.getString("text").contains("velo-web") || preview.getString("text").contains("velo.example"),
                "only Bob's VMs: " + preview);
        assertTrue(preview.getString("calendar").contains("METHOD:REQUEST"), preview.toString());
        assertProblem(api.get("/api/maintenances/" + planned + "/preview?member=" + members.get(FRED)), 404);
        assertProblem(api.get("/api/maintenances/" + planned + "/preview?member=" + members.get(EVE)), 404);
        assertProblem(api.get("/api/maintenances/" + planned + "/preview?member=abc"), 400);
        assertProblem(api.get("/api/maintenances/" + planned + "/preview"), 400);
        assertProblem(api.patch("/api/maintenances/" + planned, "{\"title\": \"x\"}", "\"7\""), 412);
        assertTrue(mail.receivedBy(ALICE).isEmpty(), "a draft tells nobody");
    }

    @Test
    @Order(4)
    void theAnnouncementGoesToTheAffectedMembersOnlyAsPreviewed() throws Exception {
        Map<String, JsonObject> previews = new LinkedHashMap<>();
        for (String who : TOLD) {
            previews.put(who, api.getJson("/api/maintenances/" + planned + "/preview?member=" + members.get(who)));
        }
        Api.Reply r = api.post("/api/maintenances/" + planned + "/announce", null);
        assertEquals(200, r.status(), r.text());
        assertEquals("announced", r.json().getString("state"));
        assertNotNull(r.json().getString("announcedAt"));
        for (String who : TOLD) {
            MimeMessage m = app.awaitMail(who, 1, WAIT).get(0);
            JsonObject preview = previews.get(who);
            assertEquals(preview.getString("subject"), m.getSubject(), who);
            assertEquals(normalised(preview.getString("text")), normalised(text(m)), who);
            Calendar calendar = calendar(m);
            assertEquals("REQUEST", property(calendar, Property.METHOD));
            assertEquals("0", property(event(calendar), Property.SEQUENCE));
            assertTrue(property(event(calendar), Property.ATTENDEE).toLowerCase().contains(who), who);
            announcements.put(who, id(m.getMessageID()));
        }
        assertTrue(text(mail.receivedBy(ALICE).get(0)).contains("www.velo.example"));
        assertFalse(text(mail.receivedBy(BOB).get(0)).contains("velo.example"));
        assertTrue(text(mail.receivedBy(CHLOE).get(0)).contains("wiki.jardin.example"));
        assertFalse(text(mail.receivedBy(CHLOE).get(0)).contains("cloud.jardin.example"),
                "a VM on another host, not named, is not listed");
        assertEquals(3, Set.copyOf(announcements.values()).size(), "one thread per member");
        Thread.sleep(QUIET.toMillis());
        for (String who : NOT_TOLD) {
            assertEquals(0, mail.receivedBy(who).size(), who + " is not affected");
        }
        assertProblem(api.post("/api/maintenances/" + planned + "/announce", null), 409);
        assertProblem(api.delete("/api/maintenances/" + planned, null), 409);
        assertProblem(api.patch("/api/maintenances/" + planned, "{\"hosts\": [%d]}".formatted(hosts.get("beta")),
                null), 409);
        assertEquals(1, api.getJson("/api/changes?type=maintenance&id=" + planned + "&limit=100")
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("action").equals("announce")).count());
    }

    @Test
    @Order(5)
    void remindersFireOnceAtTheirTimeAndARescheduleIsANewSequence() throws Exception {
        // a member who joined after the announcement, with a VM on alpha: nothing yet
        member("Hugo Tard", HUGO, "fr", "active");
        vm("tard-web", "alpha", HUGO, "active", "tard.example");
        Thread.sleep(QUIET.toMillis());
        assertEquals(0, mail.receivedBy(HUGO).size());

        // 72 h before the start (T0 + 2 h) is passed: one reminder each; Hugo gets the announcement instead
        app.advanceClock("PT3H");
        for (String who : TOLD) {
            assertThreaded(app.awaitMail(who, 2, WAIT).get(1), who);
        }
        MimeMessage late = app.awaitMail(HUGO, 1, WAIT).get(0);
        assertEquals(mail.receivedBy(ALICE).get(0).getSubject(), late.getSubject(), "the announcement, as it reads now");
        assertNull(late.getHeader("In-Reply-To", null), "the start of his thread");
        assertTrue(text(late).contains("tard.example"), "his own VM");
        assertFalse(text(late).contains("velo.example"), "nobody else's");
        assertEquals("0", property(event(calendar(late)), Property.SEQUENCE));
        announcements.put(HUGO, id(late.getMessageID()));
        app.advanceClock("PT1H");
        quietFor(TOLD, 2);
        quietFor(List.of(HUGO), 1);

        // one hour later, at T0 + 75 h; now (T0 + 4 h) is past its 72 h reminder already: none for it
        Api.Reply r = api.patch("/api/maintenances/" + planned, """
                {"start": "%s", "end": "%s"}""".formatted(at(T0.plus(Duration.ofHours(75))),
                at(T0.plus(Duration.ofHours(77)))), null);
        assertEquals(200, r.status(), r.text());
        assertEquals(1, r.json().getInt("sequence"));
        for (String who : TOLD) {
            MimeMessage m = app.awaitMail(who, 3, WAIT).get(2);
            assertThreaded(m, who);
            Calendar calendar = calendar(m);
            assertEquals("REQUEST", property(calendar, Property.METHOD));
            assertEquals("1", property(event(calendar), Property.SEQUENCE));
            assertEquals(T0.plus(Duration.ofHours(75)), instant(event(calendar), Property.DTSTART));
        }
        // Hugo is told from then on, in his own thread
        MimeMessage moved = app.awaitMail(HUGO, 2, WAIT).get(1);
        assertThreaded(moved, HUGO);
        assertEquals("1", property(event(calendar(moved)), Property.SEQUENCE));
        quietFor(TOLD, 3);
        quietFor(List.of(HUGO), 2);
    }

    @Test
    @Order(6)
    void acrossARestartEachRemainingReminderFiresOnceThenTheStartHoldsTheHost() throws Exception {
        app.stop();
        app.start();
        // the restarted application's clock is the real one again (about T0): nothing is due, nothing repeats
        app.advanceClock("PT1M");
        quietFor(TOLD, 3);
        assertEquals("announced", api.getJson("/api/maintenances/" + planned).getString("state"));

        // T0 + 60 h: past the 24 h reminder (T0 + 51 h), and past the old 72 h one again: one mail each
        app.advanceClock("PT60H");
        for (String who : TOLD) {
            assertThreaded(app.awaitMail(who, 4, WAIT).get(3), who);
        }
        quietFor(TOLD, 4);
        // T0 + 74 h 30: the last hour
        app.advanceClock("PT14H30M");
        for (String who : TOLD) {
            assertThreaded(app.awaitMail(who, 5, WAIT).get(4), who);
        }
        assertEquals("active", api.getJson("/api/hosts/" + hosts.get("alpha")).getString("status"));
        // T0 + 75 h 30: started
        app.advanceClock("PT1H");
        for (String who : TOLD) {
            MimeMessage started = app.awaitMail(who, 6, WAIT).get(5);
            assertThreaded(started, who);
            assertNull(calendarText(started), "the event did not change");
        }
        JsonObject m = api.getJson("/api/maintenances/" + planned);
        assertEquals("in-progress", m.getString("state"));
        assertEquals("maintenance", api.getJson("/api/hosts/" + hosts.get("alpha")).getString("status"));
        assertEquals("active", api.getJson("/api/hosts/" + hosts.get("beta")).getString("status"),
                "a VM named on another host does not hold its host");
        quietFor(TOLD, 6);
    }

    @Test
    @Order(7)
    void aCancellationIsACalendarCancelAndTheHostComesBack() throws Exception {
        Api.Reply r = api.post("/api/maintenances/" + planned + "/cancel", "{\"reason\": \"Disques pas livrés\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals("cancelled", r.json().getString("state"));
        assertEquals(2, r.json().getInt("sequence"));
        assertEquals("Disques pas livrés", r.json().getString("cancelReason"));
        for (String who : TOLD) {
            List<MimeMessage> all = app.awaitMail(who, 7, WAIT);
            MimeMessage cancelled = all.get(6);
            assertThreaded(cancelled, who);
            Calendar calendar = calendar(cancelled);
            assertEquals("CANCEL", property(calendar, Property.METHOD));
            assertEquals("2", property(event(calendar), Property.SEQUENCE));
            assertEquals("CANCELLED", property(event(calendar), Property.STATUS));
            assertEquals(property(event(calendar(all.get(0))), Property.UID), property(event(calendar), Property.UID),
                    "one event per maintenance");
        }
        assertEquals("active", api.getJson("/api/hosts/" + hosts.get("alpha")).getString("status"));
        assertProblem(api.post("/api/maintenances/" + planned + "/complete", null), 409);
        assertProblem(api.post("/api/maintenances/" + planned + "/cancel", null), 409);
        assertProblem(api.patch("/api/maintenances/" + planned, "{\"description\": \"x\"}", null), 409);
        quietFor(TOLD, 7);
        for (String who : NOT_TOLD) {
            assertEquals(0, mail.receivedBy(who).size(), who + " heard nothing of it");
        }
    }

    @Test
    @Order(8)
    void aWindowAcrossTheOctoberDstChangeHasTheRightInstants() throws Exception {
        LocalDate day = lastSundayOfOctober(LocalDate.now(PARIS).getYear());
        if (day.atTime(LocalTime.of(1, 30)).atZone(PARIS).toInstant().isBefore(Instant.now().plus(Duration.ofDays(5)))) {
            day = lastSundayOfOctober(day.getYear() + 1);
        }
        // 01:30 is still summer time (+02:00); at 03:00 the clocks go back to 02:00, so 03:30 is winter time
        ZonedDateTime start = day.atTime(1, 30).atZone(PARIS);
        ZonedDateTime end = day.atTime(3, 30).atZone(PARIS);
        assertEquals(Duration.ofHours(3), Duration.between(start, end));
        Api.Reply r = api.post("/api/maintenances", """
                {"title": "Onduleur", "description": "Changement de l'onduleur de gamma.", "start": "%s",
                 "end": "%s", "timeZone": "Europe/Paris", "hosts": [%d]}"""
                .formatted(start.toOffsetDateTime(), end.toOffsetDateTime(), hosts.get("gamma")));
        dst = created(r);
        dstEnd = end.toInstant();
        assertEquals(start.toOffsetDateTime(), OffsetDateTime.parse(r.json().getString("start")));
        assertEquals("+01:00", OffsetDateTime.parse(r.json().getString("end")).getOffset().getId());
        assertEquals(Set.of(members.get(DAN), members.get(GABY)), api.getJson("/api/maintenances/" + dst
                + "/audience").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("member").longValue()).collect(Collectors.toSet()),
                "Dan's requested VM and Gaby's decommissioned one do not count, their active ones do");
        assertEquals(200, api.post("/api/maintenances/" + dst + "/announce", null).status());
        for (String who : List.of(DAN, GABY)) {
            MimeMessage announcement = app.awaitMail(who, 1, WAIT).get(0);
            announcements.put(who, id(announcement.getMessageID()));
            VEvent event = event(calendar(announcement));
            assertEquals(start.toInstant(), instant(event, Property.DTSTART), who);
            assertEquals(end.toInstant(), instant(event, Property.DTEND), who);
            assertEquals("Europe/Paris", event.<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow()
                    .<Parameter>getParameter(Parameter.TZID).orElseThrow().getValue());
        }
        assertTrue(text(mail.receivedBy(GABY).get(0)).contains("mixte.example"));
        assertFalse(text(mail.receivedBy(GABY).get(0)).contains("old.mixte.example"));
        assertEquals(0, mail.receivedBy(FRED).size());
        assertEquals(0, mail.receivedBy(EVE).size());
    }

    /**
     * The whole window passes at once, as if coloc had been down for months: the stale reminders are skipped, the
     * maintenance starts (one "started" mail each), and the end time asks the admin to complete it, once.
     */
    @Test
    @Order(9)
    void aWindowThatPassedWhileDownStartsWithoutStaleRemindersAndTheAdminCompletesIt() throws Exception {
        Api.Reply now = api.post("/api/clock", "{\"advance\": \"PT0S\"}");
        assertEquals(200, now.status(), now.text());
        app.advanceClock(Duration.between(Instant.parse(now.json().getString("now")), dstEnd).plusHours(1).toString());
        for (String who : List.of(DAN, GABY)) {
            assertThreaded(app.awaitMail(who, 2, WAIT).get(1), who);
        }
        quietFor(List.of(DAN, GABY), 2);
        assertEquals("in-progress", api.getJson("/api/maintenances/" + dst).getString("state"));
        assertEquals("maintenance", api.getJson("/api/hosts/" + hosts.get("gamma")).getString("status"));
        JsonObject reminders = api.getJson("/api/outbox?kind=reminder");
        assertEquals(1, reminders.getInt("total"), "the admin is reminded once: " + reminders);
        assertEquals("owner@coloc.test", reminders.getJsonArray("items").getJsonObject(0).getJsonArray("recipients")
                .getJsonObject(0).getString("address"));

        Api.Reply done = api.post("/api/maintenances/" + dst + "/complete", null);
        assertEquals(200, done.status(), done.text());
        assertEquals("completed", done.json().getString("state"));
        for (String who : List.of(DAN, GABY)) {
            assertThreaded(app.awaitMail(who, 3, WAIT).get(2), who);
        }
        assertEquals("active", api.getJson("/api/hosts/" + hosts.get("gamma")).getString("status"));
        app.advanceClock("PT2H");
        quietFor(List.of(DAN, GABY), 3);
        assertEquals(1, api.getJson("/api/outbox?kind=reminder").getInt("total"));
        assertEquals(0, mail.receivedBy(FRED).size());
    }

    @Test
    @Order(10)
    void answersToAnyNoticeOfAMaintenanceLandInOneCaseLinkedToIt() throws Exception {
        List<MimeMessage> alices = mail.receivedBy(ALICE);
        MimeMessage reminder = alices.get(1);
        MimeMessage announcement = alices.get(0);
        app.send(answer("alice-answer-1@members.test", reminder, "Dimanche soir, pas de souci ?"), ALICE);
        JsonObject cases = api.await("/api/cases?maintenance=" + planned, p -> p.getInt("total") == 1, WAIT);
        JsonObject linked = cases.getJsonArray("items").getJsonObject(0);
        assertEquals(planned, linked.getJsonNumber("maintenance").longValue());
        assertEquals(ALICE, linked.getString("requester"));
        int number = linked.getInt("number");

        app.send(answer("alice-answer-2@members.test", announcement, "Et la base de données ?"), ALICE);
        api.await("/api/cases/" + number, c -> c.getJsonArray("messages").size() >= 3, WAIT);
        assertEquals(1, api.getJson("/api/cases?maintenance=" + planned).getInt("total"),
                "one case per member and maintenance, whichever notice she answers");
        assertEquals(0, api.getJson("/api/cases?maintenance=" + dst).getInt("total"));
    }

    @Test
    @Order(11)
    void thePublicListAndFeedsNameHostsButNoMemberAndNoAddress() {
        Api anonymous = api.withoutCredentials();
        for (String path : List.of("/api/public/maintenances", "/feeds/maintenances.atom", "/feeds/maintenances.ics")) {
            Api.Reply r = anonymous.get(path);
            assertEquals(200, r.status(), path);
            String body = r.text();
            assertTrue(body.contains("Onduleur") && body.contains("gamma"), path + ": " + body);
            assertFalse(body.contains("@"), path + " shows an address: " + body);
            for (String name : List.of("Alice", "Bob", "Chloé", "Dan", "Gaby", "velo", "radio", "jardin")) {
                assertFalse(body.contains(name), path + " names " + name + ": " + body);
            }
            assertFalse(body.contains("Brouillon"), path + " shows a draft");
            String etag = r.header("ETag");
            assertTrue(etag != null, path + " has no ETag");
            assertEquals(304, anonymous.getIfNoneMatch(path, etag).status(), path);
        }
    }

    /** A member's answer to one of our notices, threaded under it as her mail client would. */
    private static byte[] answer(String id, MimeMessage notice, String text) throws Exception {
        return Mails.answer(id, "Alice Vélo <" + ALICE + ">", notice, text);
    }

    // ---- helpers

    /** No mail beyond {@code count} arrives for these members. */
    private static void quietFor(List<String> who, int count) throws Exception {
        Thread.sleep(QUIET.toMillis());
        for (String w : who) {
            assertEquals(count, mail.receivedBy(w).size(), w + " got a mail too many");
        }
    }

    private static void assertThreaded(MimeMessage m, String who) throws Exception {
        String announcement = announcements.get(who);
        assertEquals("<" + announcement + ">", m.getHeader("In-Reply-To", null), who);
        assertTrue(m.getHeader("References", " ").contains("<" + announcement + ">"), who);
        assertFalse(id(m.getMessageID()).equals(announcement));
    }

    private static void member(String name, String email, String language, String status) {
        members.put(email, created(api.post("/api/members", """
                {"displayName": "%s", "email": "%s", "language": "%s", "status": "%s"}"""
                .formatted(name, email, language, status))));
    }

    private static void vm(String name, String host, String owner, String status, String... domains) {
        String domainList = java.util.Arrays.stream(domains).map(d -> "{\"name\": \"" + d + "\"}")
                .collect(Collectors.joining(", "));
        vms.put(name, created(api.post("/api/vms", """
                {"name": "%s", "hostname": "%s.vm.coloc.test", "os": "debian", "vcpus": 1, "memoryMiB": 1024, "diskGiB": 10,
                 "host": %d, %s "status": "%s", "domains": [%s]}""".formatted(name, name, hosts.get(host),
                owner == null ? "" : "\"owner\": " + members.get(owner) + ",", status, domainList))));
    }

    private static long created(Api.Reply r) {
        assertEquals(201, r.status(), r.text());
        return r.json().getJsonNumber("id").longValue();
    }

    private static String at(Instant t) {
        return t.atZone(PARIS).toOffsetDateTime().toString();
    }

    private static LocalDate lastSundayOfOctober(int year) {
        return LocalDate.of(year, 10, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    private static String id(String messageId) {
        return messageId.strip().replaceAll("^<|>$", "");
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    private static String text(MimeMessage m) throws Exception {
        String text = part(m, "text/plain");
        assertNotNull(text, "a text part");
        return text;
    }

    private static String calendarText(MimeMessage m) throws Exception {
        return part(m, "text/calendar");
    }

    /** The first part of this type, decoded, anywhere in the mail; null for none. */
    private static String part(Part p, String type) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!p.isMimeType(type)) {
            return null;
        }
        try (var in = p.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Calendar calendar(MimeMessage m) throws Exception {
        String ics = calendarText(m);
        assertNotNull(ics, "a calendar part");
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    private static String property(net.fortuna.ical4j.model.PropertyListAccessor holder, String name) {
        return holder.<Property>getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    private static Instant instant(VEvent event, String name) {
        Temporal t = event.<DateProperty<?>>getProperty(name).orElseThrow().getDate();
        return Instant.from(t);
    }
}
