package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The maintenance planner and the comment moderation of the dashboard, in a real browser: a maintenance planned in
 * the page (a refused window shows its message at the field), its audience and a member's mail before announcing,
 * the announcement and the cancellation reaching the members' mailboxes; a maintenance started by the timers while
 * its page is open (the page follows without a reload) and completed from the page; a reader's mailed comment showing up in the open queue by itself,
 * published, rejected or marked as spam from there; the posts with their comment address, a post declared and
 * edited in the form. Nothing in the console, nothing loaded from elsewhere. The tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlannerPagesIT extends InBrowser {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String LEA = "lea@members.test";
    static final String BRUNO = "bruno@members.test";
    static final String CELINE = "celine@members.test";
    static final String POST = "coloc+hello-world@coloc.test";
    static final String TITLE = "Remplacement des disques de garage-1";

    @RegisterExtension
    static final ColocApp app = ColocApp.named("planner").withMailServer().withAdmin(People.ADMIN)
            .withClockControl().set("COLOC_TIMEZONE", "Europe/Paris");
    static final Api api = app.api();

    static long lea;
    static long bruno;
    static long garage;
    static long maintenance;
    /** The window typed in the page: three days ahead, in Paris, to the minute. */
    static final LocalDateTime START = LocalDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.HOURS);
    static final LocalDateTime END = START.plusHours(2);
    static String brunoPreviewSubject;
    /** What the console said that nobody expected, over the whole class. */
    static final List<String> consoleProblems = new ArrayList<>();

    @Test
    @Order(1)
    void theInventoryAndAPostAndTheAdminLoggedIn() {
        lea = created(api.post("/api/members", """
                {"displayName": "Léa Vélo", "email": "%s", "language": "fr", "status": "active"}""".formatted(LEA)));
        bruno = created(api.post("/api/members", """
                {"displayName": "Bruno Radio", "email": "%s", "language": "en", "status": "active"}""".formatted(BRUNO)));
        long celine = created(api.post("/api/members", """
                {"displayName": "Céline Jardin", "email": "%s", "language": "fr", "status": "active"}""".formatted(CELINE)));
        garage = created(api.post("/api/hosts", """
                {"name": "garage-1", "cores": 16, "memoryMiB": 65536, "storageGiB": 2000}"""));
        long other = created(api.post("/api/hosts", """
                {"name": "garage-2", "cores": 16, "memoryMiB": 65536, "storageGiB": 2000}"""));
        vm("velo-web", garage, lea, "velo.example");
        vm("radio-stream", garage, bruno, "radio.example");
        vm("jardin-wiki", other, celine, "wiki.jardin.example");
        assertEquals(201, api.put("/api/posts/hello-world", """
                {"title": "Bonjour le monde", "url": "https://blog.example.org/hello-world", "language": "fr",
                 "open": true}""", null).status());

        browser.logIn(app.baseUrl() + "/admin/#/maintenances/new");
        browser.visible("maint-form");
        // the page's first question, "who is logged in?", is answered 401 before the login: expected
        collectConsole("/api/session", "401");
    }

    @Test
    @Order(2)
    void aWindowEndingBeforeItStartsShowsTheMessageAtTheEndField() throws Exception {
        browser.visible("maint-title").sendKeys(TITLE);
        browser.visible("maint-description").sendKeys("Les disques de garage-1 sont remplacés.");
        setValue("maint-start", local(START));
        setValue("maint-end", local(START.minusHours(1)));
        WebElement zone = browser.visible("maint-zone");
        zone.clear();
        zone.sendKeys("Europe/Paris");
        settled(d -> d.findElement(Browser.test("maint-host-" + garage))).click();
        browser.visible("maint-save").click();

        WebElement error = browser.visible("maint-end-error");
        assertTrue(error.getText().contains("after start"), error.getText());
        WebElement end = browser.visible("maint-end");
        assertEquals("true", end.getAttribute("aria-invalid"));
        assertTrue(end.getAttribute("aria-describedby").contains(error.getAttribute("id")), "tied to the field");
        assertFalse(browser.driver().findElement(Browser.test("maint-start-error")).isDisplayed(),
                "only the field named has a message");
        assertEquals(0, api.getJson("/api/maintenances").getInt("total"), "nothing was saved");
        assertEquals(TITLE, browser.visible("maint-title").getAttribute("value"), "what was typed stays");
        browser.screenshot("maintenance-refused");
        // Chromium reports the refused request itself: that one is expected, nothing else
        collectConsole("/api/maintenances", "400");
    }

    @Test
    @Order(3)
    void theCorrectedPlanIsSavedAsADraftInItsTimeZone() {
        setValue("maint-end", local(END));
        browser.visible("maint-save").click();
        JsonObject list = api.await("/api/maintenances", p -> p.getInt("total") == 1, ColocApp.WAIT);
        JsonObject m = list.getJsonArray("items").getJsonObject(0);
        maintenance = m.getJsonNumber("id").longValue();
        assertEquals("draft", m.getString("state"));
        assertEquals("Europe/Paris", m.getString("timeZone"));
        assertEquals(START.atZone(PARIS).toInstant(), OffsetDateTime.parse(m.getString("start")).toInstant(),
                "the wall-clock time typed, read in the zone chosen");
        assertEquals(END.atZone(PARIS).toInstant(), OffsetDateTime.parse(m.getString("end")).toInstant());
        assertEquals(List.of(garage), m.getJsonArray("hosts").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList());

        settled(d -> d.getCurrentUrl().endsWith("#/maintenances/" + maintenance) ? Boolean.TRUE : null);
        awaitState("draft");
        assertEquals(TITLE, browser.visible("maint-page-title").getText());
        collectConsole();
    }

    @Test
    @Order(4)
    void theAudienceShowsBothMembersWithTheirVmsAndAMembersMailCanBeRead() throws Exception {
        settled(d -> d.findElements(Browser.test("maint-audience-member")).size() == 2 ? Boolean.TRUE : null);
        String leaRow = audienceRow(lea);
        assertTrue(leaRow.contains("Léa Vélo") && leaRow.contains("velo-web") && leaRow.contains("velo.example"), leaRow);
        assertFalse(leaRow.contains("radio-stream"), "only her VMs: " + leaRow);
        String brunoRow = audienceRow(bruno);
        assertTrue(brunoRow.contains("Bruno Radio") && brunoRow.contains("radio-stream"), brunoRow);
        assertFalse(browser.visible("maint-audience").getText().contains("Céline"), "garage-2 is not affected");

        new Select(browser.visible("maint-preview-member")).selectByValue(String.valueOf(bruno));
        JsonObject expected = api.getJson("/api/maintenances/" + maintenance + "/preview?member=" + bruno);
        brunoPreviewSubject = expected.getString("subject");
        assertEquals(brunoPreviewSubject, settled(d -> {
            String s = d.findElement(Browser.test("maint-preview-subject")).getText();
            return s.equals(brunoPreviewSubject) ? s : null;
        }));
        String text = settled(d -> d.findElement(Browser.test("maint-preview-text")).getText());
        assertTrue(text.contains("radio-stream"), text);
        assertFalse(text.contains("velo-web"), "Bruno's mail names only his VM: " + text);
        browser.script("arguments[0].scrollIntoView()", browser.visible("maint-audience-section"));
        browser.screenshot("maintenance-audience");
        collectConsole();
    }

    @Test
    @Order(5)
    void announcingAfterTheConfirmationMailsBothMembers() throws Exception {
        browser.visible("maint-announce").click();
        WebElement dialog = browser.visible("maint-announce-dialog");
        String question = browser.visible("maint-announce-text").getText();
        assertTrue(question.contains("2"), "names how many members are mailed: " + question);
        browser.screenshot("maintenance-confirm");
        dialog.findElement(Browser.test("maint-announce-confirm")).click();
        awaitState("announced");
        assertEquals("announced", api.getJson("/api/maintenances/" + maintenance).getString("state"));

        MimeMessage toLea = app.awaitMail(LEA, 1).get(0);
        MimeMessage toBruno = app.awaitMail(BRUNO, 1).get(0);
        assertEquals(brunoPreviewSubject, toBruno.getSubject(), "as previewed");
        assertTrue(toLea.getSubject().contains("Remplacement des disques"), toLea.getSubject());
        assertTrue(app.sentTo(CELINE).isEmpty(), "nobody unaffected is told");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("maintenance-announced");
        collectConsole();
    }

    @Test
    @Order(6)
    void reschedulingFromThePageMailsTheMembersTheNewWindow() throws Exception {
        setValue("maint-reschedule-start", local(START.plusHours(1)));
        setValue("maint-reschedule-end", local(END.plusHours(1)));
        browser.visible("maint-reschedule-submit").click();
        JsonObject m = api.await("/api/maintenances/" + maintenance, x -> x.getInt("sequence") == 1, ColocApp.WAIT);
        assertEquals(START.plusHours(1).atZone(PARIS).toInstant(), OffsetDateTime.parse(m.getString("start")).toInstant());
        awaitState("announced");
        String window = settled(d -> d.findElement(Browser.test("maint-window")).getText());
        DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm");
        assertTrue(window.contains(START.plusHours(1).format(hours)) && window.contains(END.plusHours(1).format(hours)),
                "the page shows the new window: " + window);

        MimeMessage toLea = app.awaitMail(LEA, 2).get(1);
        MimeMessage toBruno = app.awaitMail(BRUNO, 2).get(1);
        assertTrue(toLea.getSubject().contains("déplacée"), toLea.getSubject());
        assertTrue(toBruno.getSubject().contains("moved"), toBruno.getSubject());
        collectConsole();
    }

    @Test
    @Order(7)
    void cancellingFromThePageMailsTheMembersTheCancellation() throws Exception {
        browser.visible("maint-cancel-reason").sendKeys("Les disques ne sont pas arrivés.");
        browser.visible("maint-cancel-submit").click();
        awaitState("cancelled");
        JsonObject m = api.getJson("/api/maintenances/" + maintenance);
        assertEquals("cancelled", m.getString("state"));
        assertEquals("Les disques ne sont pas arrivés.", m.getString("cancelReason"));

        MimeMessage toLea = app.awaitMail(LEA, 3).get(2);
        MimeMessage toBruno = app.awaitMail(BRUNO, 3).get(2);
        assertTrue(toLea.getSubject().contains("annulée"), toLea.getSubject());
        assertTrue(toBruno.getSubject().contains("cancelled"), toBruno.getSubject());
        assertTrue(browser.visible("maint-cancel-reason-shown").getText().contains("pas arrivés"));

        browser.open(app.baseUrl() + "/admin/#/maintenances");
        WebElement row = settled(d -> d.findElement(By.cssSelector("[data-test='maint-past'] [data-test='maint-row'][data-id='"
                + maintenance + "']")));
        assertEquals("cancelled", row.getAttribute("data-state"), "among the past ones");
        for (String feed : new String[] {"atom", "ics", "json"}) {
            String href = browser.visible("maint-feed-" + feed).getAttribute("href");
            assertEquals(200, api.withoutCredentials().get(href.substring(app.baseUrl().length())).status(), href);
        }
        browser.screenshot("maintenance-list");
        collectConsole();
        assertNothingFromElsewhere();
    }

    @Test
    @Order(8)
    void aDraftChangedMeanwhileIsNotOverwrittenAndTheReloadShowsTheChange() {
        long draft = created(api.post("/api/maintenances", """
                {"title": "Mise à jour du routeur", "description": "Dix minutes sans réseau.", "start": "%s",
                 "hosts": [%d]}""".formatted(START.plusDays(2).atZone(PARIS).toOffsetDateTime(), garage)));
        browser.open(app.baseUrl() + "/admin/#/maintenances/" + draft);
        awaitState("draft");
        settled(d -> "Mise à jour du routeur".equals(d.findElement(Browser.test("maint-title")).getAttribute("value"))
                ? Boolean.TRUE : null);
        // meanwhile, a script changes it
        assertEquals(200, api.patch("/api/maintenances/" + draft, "{\"description\": \"Vingt minutes sans réseau.\"}",
                "\"1\"").status());

        browser.visible("maint-title").sendKeys(" (nuit)");
        browser.visible("maint-save").click();
        WebElement error = browser.visible("maint-form-error");
        assertTrue(error.getText().contains("Changed meanwhile") || error.getText().contains("Modifié entre-temps"),
                error.getText());
        assertEquals("Mise à jour du routeur", api.getJson("/api/maintenances/" + draft).getString("title"),
                "the older page overwrote nothing");

        browser.visible("reload").click();
        settled(d -> "Vingt minutes sans réseau.".equals(d.findElement(Browser.test("maint-description"))
                .getAttribute("value")) ? Boolean.TRUE : null);
        browser.visible("maint-title").sendKeys(" (nuit)");
        browser.visible("maint-save").click();
        JsonObject saved = api.await("/api/maintenances/" + draft, m -> m.getString("title").endsWith("(nuit)"),
                ColocApp.WAIT);
        assertEquals("Vingt minutes sans réseau.", saved.getString("description"), "both changes kept");
        collectConsole("/api/maintenances/" + draft, "412");
    }

    @Test
    @Order(9)
    void aMaintenanceInProgressIsCompletedFromThePageAndTheMembersAreTold() throws Exception {
        // announced to start in ten minutes; the clock moved past its start: it is in progress, garage-1 down
        OffsetDateTime start = OffsetDateTime.now(PARIS).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String hostStatus = api.getJson("/api/hosts/" + garage).getString("status");
        long works = created(api.post("/api/maintenances", """
                {"title": "Changement d'onduleur", "description": "Coupure de courant.", "start": "%s",
                 "hosts": [%d]}""".formatted(start, garage)));
        assertEquals(200, api.post("/api/maintenances/" + works + "/announce", null).status());
        app.awaitMail(LEA, 4);
        browser.open(app.baseUrl() + "/admin/#/maintenances/" + works);
        awaitState("announced");
        browser.script("window.stillTheSamePage = true;");
        app.advanceClock("PT15M");
        // the timers started it: the open page shows it without a reload
        awaitState("in-progress");
        assertEquals(Boolean.TRUE, browser.script("return window.stillTheSamePage === true;"), "no reload");
        assertEquals("maintenance", api.getJson("/api/hosts/" + garage).getString("status"));
        app.awaitMail(LEA, 5);
        browser.screenshot("maintenance-in-progress");
        browser.visible("maint-complete").click();
        awaitState("completed");
        assertEquals("completed", api.getJson("/api/maintenances/" + works).getString("state"));
        assertEquals(hostStatus, api.getJson("/api/hosts/" + garage).getString("status"), "garage-1 is back");
        MimeMessage toLea = app.awaitMail(LEA, 6).get(5);
        MimeMessage toBruno = app.awaitMail(BRUNO, 6).get(5);
        assertTrue(toLea.getSubject().contains("terminée"), toLea.getSubject());
        assertTrue(toBruno.getSubject().contains("completed"), toBruno.getSubject());
        assertTrue(app.sentTo(CELINE).isEmpty(), "nobody unaffected is told");
        collectConsole();
    }

    @Test
    @Order(10)
    void aMailedCommentAppearsInTheOpenQueueAndIsPublishedFromIt() throws Exception {
        browser.open(app.baseUrl() + "/admin/#/comments");
        browser.visible("comments-view");
        settled(d -> "comments".equals(d.findElement(By.id("main")).getAttribute("data-loaded")) ? Boolean.TRUE : null);
        browser.script("window.colocTestMark = 'same page'");
        app.send(mail("c1@readers.test", "\"Anne Lectrice\" <anne@readers.test>", "Très bon billet, merci !"),
                "anne@readers.test");
        String id = commentWith("Très bon billet");
        assertEquals("same page", browser.script("return window.colocTestMark"), "shown without a reload");
        String row = settled(d -> d.findElement(commentRow(id)).getText());
        assertTrue(row.contains("Anne Lectrice"), row);
        assertTrue(row.contains("hello-world"), row);
        assertEquals("pending", settled(d -> d.findElement(commentRow(id)).getAttribute("data-state")));

        click(commentRow(id), "comment-publish");
        settled(d -> d.findElements(commentRow(id)).isEmpty() ? Boolean.TRUE : null);
        JsonObject published = api.await("/api/public/posts/hello-world/comments",
                p -> p.getJsonArray("comments").size() == 1, ColocApp.WAIT);
        assertEquals("Très bon billet, merci !", published.getJsonArray("comments").getJsonObject(0).getString("text"));
        collectConsole();
    }

    @Test
    @Order(11)
    void rejectedAndSpamCommentsLeaveTheQueueAndStayPrivate() throws Exception {
        app.send(mail("c2@readers.test", "Marc <marc@readers.test>", "Hors sujet total."), "marc@readers.test");
        app.send(mail("c3@spam.test", "Promo <promo@spam.test>", "Achetez des montres pas chères."), "promo@spam.test");
        String offTopicId = commentWith("Hors sujet");
        String spamId = commentWith("montres");
        browser.screenshot("comments-queue");

        click(commentRow(offTopicId), "comment-reject");
        settled(d -> d.findElements(commentRow(offTopicId)).isEmpty() ? Boolean.TRUE : null);
        click(commentRow(spamId), "comment-spam");
        settled(d -> d.findElements(Browser.test("comment-row")).isEmpty() ? Boolean.TRUE : null);
        assertEquals("rejected", api.getJson("/api/comments/" + offTopicId).getString("state"));
        assertEquals("spam", api.getJson("/api/comments/" + spamId).getString("state"));
        String pub = api.withoutCredentials().get("/api/public/posts/hello-world/comments").text();
        assertFalse(pub.contains("Hors sujet") || pub.contains("montres"), pub);
        assertEquals(0, api.getJson("/api/comments?state=pending").getInt("total"));
        collectConsole();
    }

    @Test
    @Order(12)
    void thePostsListShowsThePostWithItsCommentAddress() throws Exception {
        browser.visible("comments-tab-posts").click();
        WebElement row = settled(d -> d.findElement(By.cssSelector("[data-test='post-row'][data-slug='hello-world']")));
        assertEquals(POST, row.findElement(Browser.test("post-address")).getText());
        assertEquals("mailto:" + POST + "?subject=Bonjour%20le%20monde",
                row.findElement(Browser.test("post-mailto")).getAttribute("href"));
        assertEquals("true", row.getAttribute("data-open"));
        String counts = settled(d -> d.findElement(By.cssSelector("[data-test='post-row'][data-slug='hello-world'] "
                + "[data-test='post-counts']")).getText());
        assertTrue(counts.contains("1"), "one published: " + counts);
        browser.screenshot("comments-posts");

        row.findElement(Browser.test("post-toggle")).click();
        settled(d -> "false".equals(d.findElement(By.cssSelector("[data-test='post-row'][data-slug='hello-world']"))
                .getAttribute("data-open")) ? Boolean.TRUE : null);
        assertFalse(api.getJson("/api/posts/hello-world").getBoolean("open"), "closed from the page");
        collectConsole();
        assertNothingFromElsewhere();
    }

    @Test
    @Order(13)
    void aPostDeclaredInTheFormGetsItsCommentAddressAndAReservedSlugIsRefusedAtItsField() throws Exception {
        browser.visible("post-new").click();
        browser.visible("post-form");
        // the API's refusal (a reserved word) shown at the slug
        typeInto("post-slug-input", "unsubscribe");
        typeInto("post-title-input", "Second billet");
        browser.visible("post-save").click();
        WebElement error = browser.visible("post-slug-input-error");
        assertTrue(error.getText().contains("reserved"), error.getText());
        assertEquals("true", browser.visible("post-slug-input").getAttribute("aria-invalid"));
        assertEquals(404, api.get("/api/posts/unsubscribe").status(), "nothing was made");
        collectConsole("/api/posts/unsubscribe", "400");

        typeInto("post-slug-input", "second-post");
        typeInto("post-url-input", "https://blog.coloc.test/second-post/");
        new Select(browser.visible("post-language-input")).selectByValue("en");
        browser.visible("post-save").click();
        WebElement row = settled(d -> d.findElement(By.cssSelector("[data-test='post-row'][data-slug='second-post']")));
        assertEquals("coloc+second-post@coloc.test", row.findElement(Browser.test("post-address")).getText());
        JsonObject made = api.getJson("/api/posts/second-post");
        assertEquals("Second billet", made.getString("title"));
        assertEquals("en", made.getString("language"));
        assertEquals("https://blog.coloc.test/second-post/", made.getString("url"));
        assertTrue(made.getBoolean("open"), "open by default");

        // editing keeps the slug: it is the post's address
        row.findElement(Browser.test("post-edit")).click();
        settled(d -> "Second billet".equals(d.findElement(Browser.test("post-title-input")).getAttribute("value"))
                ? Boolean.TRUE : null);
        assertEquals("true", browser.visible("post-slug-input").getAttribute("readonly"));
        typeInto("post-title-input", "Second billet, revu");
        browser.visible("post-save").click();
        settled(d -> d.findElement(By.cssSelector("[data-test='post-row'][data-slug='second-post']")));
        assertEquals("Second billet, revu", api.getJson("/api/posts/second-post").getString("title"));
        browser.screenshot("comments-post-form");
        collectConsole();
    }

    @Test
    @Order(14)
    void theConsoleStayedClean() {
        collectConsole();
        assertTrue(consoleProblems.isEmpty(), "console: " + consoleProblems);
    }

    // ---- helpers ----

    static long created(Api.Reply r) {
        assertEquals(201, r.status(), r.text());
        return r.json().getJsonNumber("id").longValue();
    }

    static void vm(String name, long host, long owner, String domain) {
        created(api.post("/api/vms", """
                {"name": "%s", "hostname": "%s.vm.coloc.test", "os": "debian", "vcpus": 1, "memoryMiB": 1024,
                 "diskGiB": 10, "host": %d, "owner": %d, "status": "active", "domains": [{"name": "%s"}]}"""
                .formatted(name, name, host, owner, domain)));
    }

    static String local(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    /** A datetime-local field's value as the browser holds it (typing into one depends on the browser's locale). */
    static void setValue(String dataTest, String value) {
        browser.visible(dataTest);
        browser.script("const e = document.querySelector(\"[data-test='\" + arguments[0] + \"']\");"
                + "e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", dataTest, value);
    }

    static void awaitState(String state) {
        settled(d -> state.equals(d.findElement(By.cssSelector("[data-test='maint-facts'] [data-test='maint-state']"))
                .getAttribute("data-state")) ? Boolean.TRUE : null);
    }

    static String audienceRow(long member) {
        return settled(d -> d.findElement(By.cssSelector("[data-test='maint-audience-member'][data-member='" + member
                + "']")).getText());
    }

    /** The id of the comment shown in the queue whose text contains this, once shown (the queue redraws live). */
    static String commentWith(String text) {
        return settled(d -> d.findElements(Browser.test("comment-row")).stream()
                .filter(r -> r.findElement(Browser.test("comment-text")).getText().contains(text))
                .map(r -> r.getAttribute("data-id")).findFirst().orElse(null));
    }

    static By commentRow(String id) {
        return By.cssSelector("[data-test='comment-row'][data-id='" + id + "']");
    }

    /** Clicks the button of this data-test inside the row, again if a live redraw replaced the row meanwhile. */
    static void click(By row, String button) {
        settled(d -> {
            d.findElement(row).findElement(Browser.test(button)).click();
            return Boolean.TRUE;
        });
    }

    static byte[] mail(String id, String from, String body) {
        return Mails.plain(id, from, POST, "Re: Bonjour le monde", null, body);
    }

    /** Keeps the console's warnings and errors, but those containing all the expected fragments. */
    static void collectConsole(String... expected) {
        for (LogEntry e : browser.console()) {
            if (e.getLevel().intValue() < Level.WARNING.intValue()) {
                continue;
            }
            if (expected.length > 0 && Arrays.stream(expected).allMatch(e.getMessage()::contains)) {
                continue;
            }
            consoleProblems.add(e.toString());
        }
    }

    static void assertNothingFromElsewhere() {
        List<String> urls = browser.loadedUrls();
        assertNotNull(urls);
        assertTrue(app.baseUrl().startsWith("http://127.0.0.1:"), app.baseUrl());
        for (String url : urls) {
            assertTrue(url.startsWith(app.baseUrl() + "/"), "loaded from elsewhere: " + url);
        }
    }
}
