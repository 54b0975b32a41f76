package org.coloc.it;

import static org.coloc.it.People.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin's dashboard in a real browser (Debian's headless Chromium): the login form, the session cookie and its
 * CSRF token, the cases list and a case's thread, logout, and what the page must never do (console errors, loading
 * anything from elsewhere, inline script). The tests build on each other in order; one browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT extends InBrowser {

    static final String BOB = "bob@example.org";

    // 127.0.0.1 is the proxy whose X-Forwarded-Proto is believed (the cookie's Secure flag behind a TLS proxy)
    @RegisterExtension
    static final ColocApp app = ColocApp.named("dashboard").withMailServer().withClockControl()
            .set("COLOC_AUTH_TRUSTED_PROXIES", "127.0.0.1");
    static final Api api = app.api();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The browser's session cookie while logged in, to try it after logout. */
    static String browserSession;

    static String base() {
        return app.baseUrl();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path));
    }

    static HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = to(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b);
    }

    static String login() {
        return "{\"user\": \"admin\", \"password\": \"" + ColocServer.ADMIN_PASSWORD + "\"}";
    }

    /** The value of the session cookie a Set-Cookie header sets. */
    static String sessionValue(HttpResponse<?> r) {
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("coloc_session=".length(), setCookie.indexOf(';'));
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    @Order(1)
    void theDashboardIsServedWithAStrictPolicyAndTheRootLeadsThere() throws Exception {
        HttpResponse<String> root = send(to("/").GET());
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/admin/"), root.headers().toString());

        for (String path : new String[] {"/admin/", "/admin/js/app.js", "/admin/css/admin.css"}) {
            HttpResponse<String> page = send(to(path).GET());
            assertEquals(200, page.statusCode(), path);
            assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                    + "'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                    page.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        HttpResponse<String> index = send(to("/admin/").GET());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        // a module script must come as JavaScript, or a nosniff browser refuses it
        assertTrue(send(to("/admin/js/app.js").GET()).headers().firstValue("Content-Type").orElse("")
                .contains("javascript"));

        // no inline script or style anywhere in the shipped files (the policy would block them in the browser)
        try (var files = Files.walk(Path.of("src/main/webapp/admin"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                if (f.toString().endsWith(".html")) {
                    Document d = Jsoup.parse(text);
                    assertTrue(d.select("[style]").isEmpty(), f + ": style attribute");
                    assertTrue(d.select("style").isEmpty(), f + ": style element");
                    assertTrue(d.select("script:not([src])").isEmpty(), f + ": inline script");
                    assertTrue(d.select("[href^=http], [src^=http], [href^=//], [src^=//]").isEmpty(), f + ": outside link");
                }
                if (f.toString().endsWith(".js")) {
                    assertFalse(text.contains("innerHTML"), f + ": markup from strings");
                    assertFalse(text.contains(".style."), f + ": inline style");
                }
            }
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWithAMessageAndNoCookie() throws Exception {
        app.send(Mails.plain("dash-1@example.org", "Alice <" + ALICE + ">", "Une VM pour l'atelier",
                "Bonjour, nous voudrions une VM Debian pour notre atelier vélo.\n\nAlice"), ALICE);
        api.await("/api/cases", c -> c.getInt("total") == 1, ColocApp.WAIT);

        browser.open(base() + "/admin/");
        browser.visible("login-form");
        browser.screenshot("login");
        browser.visible("login-password").sendKeys("not-the-password");
        browser.visible("login-submit").click();
        WebElement error = browser.visible("login-error");
        assertTrue(error.getText().contains("incorrect") || error.getText().contains("Wrong"), error.getText());
        assertEquals("alert", error.getAttribute("role"), "read out by screen readers");
        assertNull(browser.cookies().get("coloc_session"), "no session cookie after a wrong password");
        assertEquals("", browser.visible("login-password").getAttribute("value"), "the password field is emptied");

        HttpResponse<String> wrong = postJson("/api/session", "{\"user\": \"admin\", \"password\": \"guess\"}", Map.of());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(app.logText().contains("wrong password for user 'admin' on /api/session"), "logged like Basic");
        assertFalse(app.logText().contains("not-the-password") || app.logText().contains("\"guess\""),
                "the password is never logged");
        // hostile bodies are problems, not crashes
        for (String body : new String[] {"{", "[]", "{\"user\": 1, \"password\": \"x\"}", "{\"user\": \"admin\"}",
                "{\"user\": \"admin\", \"password\": \"x\", \"role\": \"root\"}"}) {
            assertEquals(400, postJson("/api/session", body, Map.of()).statusCode(), body);
        }
    }

    @Test
    @Order(3)
    void theRightPasswordOpensTheCasesView() throws Exception {
        browser.submitPassword();
        browser.visible("cases-view");
        WebElement row = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='case-row'][data-case='1']")));
        assertTrue(row.getText().contains("Une VM pour l'atelier"), row.getText());
        assertTrue(row.getText().contains(ALICE), row.getText());
        assertEquals("1", browser.visible("case-count-new").findElement(Browser.test("count")).getText());
        assertEquals("1", browser.visible("case-count-all").findElement(Browser.test("count")).getText());
        assertEquals("admin", browser.visible("header-user").getText());
        assertEquals(TestMailServer.COLOC, browser.visible("header-coloc").getText());
        browser.screenshot("cases");

        Cookie cookie = browser.cookies().get("coloc_session");
        assertNotNull(cookie, "logged in: the session cookie");
        assertTrue(cookie.isHttpOnly(), "HttpOnly as the browser keeps it");
        assertEquals("Strict", cookie.getSameSite());
        assertFalse(cookie.isSecure(), "plain http on 127.0.0.1");
        assertEquals(Boolean.TRUE, browser.script("return document.cookie.indexOf('coloc_session') < 0"),
                "the page's scripts cannot read it");
        browserSession = cookie.getValue();
    }

    @Test
    @Order(4)
    void theSessionCookieIsHttpOnlyStrictAndSecureBehindATlsProxy() throws Exception {
        HttpResponse<String> plain = postJson("/api/session", login(), Map.of());
        assertEquals(204, plain.statusCode(), plain.body());
        String setCookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("coloc_session="), setCookie);
        for (String attribute : new String[] {"HttpOnly", "SameSite=Strict", "Path=/"}) {
            assertTrue(setCookie.contains("; " + attribute), setCookie);
        }
        assertFalse(setCookie.contains("Secure"), "http on loopback: " + setCookie);
        assertTrue(plain.headers().firstValue("X-CSRF-Token").orElse("").length() >= 40, "the CSRF token comes along");

        HttpResponse<String> viaProxy = postJson("/api/session", login(), Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.5"));
        assertTrue(viaProxy.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; Secure"),
                "the trusted proxy says the browser used https");
    }

    @Test
    @Order(5)
    void aWriteWithTheCookieNeedsTheCsrfHeader() throws Exception {
        HttpResponse<String> in = postJson("/api/session", login(), Map.of());
        String cookie = "coloc_session=" + sessionValue(in);
        String token = in.headers().firstValue("X-CSRF-Token").orElseThrow();

        HttpResponse<String> who = send(to("/api/session").header("Cookie", cookie).GET());
        assertEquals(200, who.statusCode());
        assertEquals("admin", json(who.body()).getString("user"));
        assertEquals(token, json(who.body()).getString("csrfToken"), "a reloaded page gets its token back");

        String note = "{\"text\": \"Vu au téléphone : elle rappelle lundi.\"}";
        int messagesBefore = api.getJson("/api/cases/1").getJsonArray("messages").size();
        HttpResponse<String> forged = postJson("/api/cases/1/notes", note, Map.of("Cookie", cookie));
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(403, postJson("/api/cases/1/notes", note, Map.of("Cookie", cookie, "X-CSRF-Token", token + "x"))
                .statusCode(), "a wrong token");
        assertEquals(403, send(to("/api/session").header("Cookie", cookie).DELETE()).statusCode(),
                "logout is a change too");
        assertEquals(messagesBefore, api.getJson("/api/cases/1").getJsonArray("messages").size(), "nothing was written");

        HttpResponse<String> written = postJson("/api/cases/1/notes", note, Map.of("Cookie", cookie, "X-CSRF-Token", token));
        assertEquals(201, written.statusCode(), written.body());

        // scripts are untouched: Basic and Bearer need no CSRF token, and Basic wins over a cookie
        assertEquals(201, api.post("/api/cases/1/notes", "{\"text\": \"Par script.\"}").status());
        JsonObject whoBasic = api.getJson("/api/session");
        assertEquals("admin", whoBasic.getString("user"));
        assertTrue(whoBasic.isNull("csrfToken"), whoBasic.toString());
        assertEquals(401, send(to("/api/session").header("Cookie", "coloc_session=forged").GET()).statusCode());
    }

    @Test
    @Order(6)
    void aCaseOpenedFromTheListShowsItsThread() throws Exception {
        browser.open(base() + "/admin/#/cases");
        clickShown(By.cssSelector("[data-test='case-row'][data-case='1'] [data-test='case-link']"));
        browser.visible("thread-view");
        // Alice's mail, its acknowledgement, the two notes
        browser.until(d -> d.findElements(Browser.test("thread-message")).size() == 4);
        List<WebElement> messages = browser.driver().findElements(Browser.test("thread-message"));
        assertEquals("incoming", messages.get(0).getAttribute("data-direction"));
        assertTrue(messages.get(0).getText().contains("nous voudrions une VM Debian pour notre atelier vélo"),
                messages.get(0).getText());
        assertTrue(messages.stream().anyMatch(m -> "note".equals(m.getAttribute("data-direction"))
                && m.getText().contains("Vu au téléphone : elle rappelle lundi.")), "the note made with the cookie");
        assertTrue(messages.stream().anyMatch(m -> "outgoing".equals(m.getAttribute("data-direction"))),
                "the acknowledgement");
        assertTrue(browser.visible("thread-subject").getText().contains("Une VM pour l'atelier"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/cases/1"));
        browser.screenshot("thread");
    }

    @Test
    @Order(7)
    void thePageHasNoConsoleErrorAndLoadsNothingFromOutside() throws Exception {
        browser.console(); // forget what came before
        browser.open(base() + "/admin/#/cases");
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='case-row'][data-case='1']")));
        browser.open(base() + "/admin/#/cases/1");
        browser.driver().navigate().refresh();
        browser.until(d -> d.findElements(Browser.test("thread-message")).size() == 4);
        List<LogEntry> problems = browser.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);

        List<String> urls = browser.loadedUrls();
        assertTrue(urls.size() >= 5, "the page, its script modules and style, the API: " + urls);
        for (String url : urls) {
            assertTrue(url.startsWith(base() + "/"), "loaded from elsewhere: " + url);
        }
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/admin/js/views/cases.js")), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.contains("/api/cases/1")), urls.toString());
    }

    @Test
    @Order(8)
    void aMailSentOverSmtpAppearsInTheOpenListWithoutReload() throws Exception {
        browser.open(base() + "/admin/#/cases");
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='case-row'][data-case='1']")));
        // a mark in this document: a reload would make a new one without it
        browser.script("window.colocTestMark = 'same page'");
        app.send(Mails.plain("dash-2@example.org", "Bob <" + BOB + ">", "Certificat expiré sur notre site",
                "Bonjour, le certificat de velo.example a expiré ce matin."), BOB);
        // the live stream (/api/events) tells the open list, which shows the new case by itself
        String live = textOf(By.cssSelector("[data-test='case-row'][data-case='2']"));
        assertTrue(live.contains("Certificat expiré"), live);
        assertEquals("same page", browser.script("return window.colocTestMark"), "shown without a reload");
        api.await("/api/cases", c -> c.getInt("total") == 2, ColocApp.WAIT);
        // and after a reload, in its place: the newest activity first
        browser.driver().navigate().refresh();
        WebElement first = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='case-row']")));
        assertEquals("2", first.getAttribute("data-case"), "the newest activity first");
        assertTrue(first.getText().contains("Certificat expiré"), first.getText());
        assertEquals("2", browser.visible("case-count-new").findElement(Browser.test("count")).getText());
    }

    @Test
    @Order(9)
    void theLanguageSwitchesAndIsKept() throws Exception {
        String before = (String) browser.script("return document.documentElement.lang");
        browser.visible("lang-switch").click();
        String after = (String) browser.script("return document.documentElement.lang");
        assertEquals("fr".equals(before) ? "en" : "fr", after);
        browser.until(ExpectedConditions.textToBe(Browser.test("nav-cases"), "en".equals(after) ? "Cases" : "Demandes"));
        browser.driver().navigate().refresh();
        browser.visible("cases-view");
        assertEquals(after, browser.script("return document.documentElement.lang"), "kept across a reload");
    }

    @Test
    @Order(10)
    void logoutEndsTheSession() throws Exception {
        browser.visible("logout").click();
        browser.visible("login-form");
        assertTrue(browser.visible("login-notice").isDisplayed());
        assertNull(browser.cookies().get("coloc_session"), "the cookie is cleared");
        assertEquals(401, send(to("/api/session").header("Cookie", "coloc_session=" + browserSession).GET()).statusCode(),
                "the old cookie no longer works");
        browser.driver().navigate().refresh();
        browser.visible("login-form");
    }

    @Test
    @Order(11)
    void aSessionEndsAfterThirtyMinutesUnused() throws Exception {
        HttpResponse<String> in = postJson("/api/session", login(), Map.of());
        String cookie = "coloc_session=" + sessionValue(in);
        app.advanceClock("PT29M");
        assertEquals(200, send(to("/api/session").header("Cookie", cookie).GET()).statusCode(), "used within 30 min");
        app.advanceClock("PT29M");
        assertEquals(200, send(to("/api/cases").header("Cookie", cookie).GET()).statusCode(), "each use restarts it");
        app.advanceClock("PT31M");
        HttpResponse<String> ended = send(to("/api/cases").header("Cookie", cookie).header("X-Requested-With", "x").GET());
        assertEquals(401, ended.statusCode());
        assertTrue(ended.headers().firstValue("WWW-Authenticate").isEmpty(), "no browser password dialog");
        assertTrue(json(ended.body()).getString("detail").contains("30 minutes"), ended.body());
    }

    // ---- the admin works a case: reply, note, state, the whole mail, live updates (issue 12, item 3) ----

    /** The Message-ID of the admin's reply from the page, for Alice's answer and the bounce. */
    static MimeMessage replyFromThePage;

    /** The whole text of the thread message of this direction whose new text contains this text, once shown. */
    static String threadMessage(String direction, String text) {
        return settled(d -> d.findElements(Browser.test("thread-message")).stream()
                .filter(m -> direction.equals(m.getAttribute("data-direction")))
                .filter(m -> m.findElement(Browser.test("message-text")).getText().contains(text))
                .map(WebElement::getText).findFirst().orElse(null));
    }

    static final By CASE_STATE = By.cssSelector("[data-test='thread-meta'] [data-test='case-state']");

    static void awaitStateShown(String state) {
        settled(d -> state.equals(d.findElement(CASE_STATE).getAttribute("data-state")) ? Boolean.TRUE : null);
    }

    @Test
    @Order(12)
    void aReplyTypedInTheCaseReachesTheRequester() throws Exception {
        browser.logIn(base() + "/admin/#/cases/1");
        browser.visible("thread-view");
        browser.until(d -> d.findElements(Browser.test("thread-message")).size() == 4);
        assertEquals(1, app.sentTo(ALICE).size(), "her acknowledgement only, so far");
        assertEquals("none", settled(d -> String.valueOf(d.findElement(By.cssSelector("[data-test='participants'] "
                + "[data-test='participant'][data-address='" + ALICE + "']")).getAttribute("data-failing")).replace("null", "none")),
                "listed, and nothing bounced yet");

        WebElement box = browser.visible("reply-text");
        assertEquals("reply-text", browser.driver().findElement(By.cssSelector("label[for='reply-text']"))
                .getAttribute("for"), "the box is labelled");
        box.sendKeys("Bonjour Alice,\nvotre VM « atelier » est prête : debian@203.0.113.20.");
        browser.visible("reply-submit").click();

        assertNotNull(threadMessage("outgoing", "votre VM « atelier » est prête"));
        assertEquals("", browser.visible("reply-text").getAttribute("value"), "the box is emptied once sent");
        awaitStateShown("waiting-requester"); // a reply makes the case wait for the requester
        replyFromThePage = app.awaitMail(ALICE, 2).get(1);
        assertTrue(replyFromThePage.getSubject().startsWith("[coloc #1]"), replyFromThePage.getSubject());
        assertTrue(((String) replyFromThePage.getContent()).contains("votre VM « atelier » est prête : debian@203.0.113.20."),
                (String) replyFromThePage.getContent());
    }

    @Test
    @Order(13)
    void aNoteIsShownAsInternalAndMailsNobody() throws Exception {
        int before = api.getJson("/api/cases/1").getJsonArray("messages").size();
        browser.visible("note-text").sendKeys("Alice préfère être appelée le matin.");
        browser.visible("note-submit").click();
        String note = threadMessage("note", "Alice préfère être appelée le matin.");
        assertTrue(note.contains("Note interne") || note.contains("Internal note"), note);
        assertEquals("", browser.visible("note-text").getAttribute("value"));
        assertEquals(before + 1, api.getJson("/api/cases/1").getJsonArray("messages").size());
        Thread.sleep(3000); // the outbox drains at once after a commit, and every 2 s: a mail would be there by now
        assertEquals(2, app.sentTo(ALICE).size(), "a note is never mailed");
    }

    @Test
    @Order(14)
    void theStateChangedInThePageIsTheCasesState() throws Exception {
        new org.openqa.selenium.support.ui.Select(browser.visible("state-select")).selectByValue("closed");
        browser.visible("state-submit").click();
        awaitStateShown("closed");
        assertEquals("closed", api.getJson("/api/cases/1").getString("state"));
        browser.driver().navigate().refresh();
        awaitStateShown("closed");
        assertEquals("closed", new org.openqa.selenium.support.ui.Select(browser.visible("state-select"))
                .getFirstSelectedOption().getAttribute("value"), "the select shows the case's state");
    }

    @Test
    @Order(15)
    void aReplyTheApiRefusesShowsItsMessageAtTheBoxAndKeepsTheText() throws Exception {
        int before = api.getJson("/api/cases/1").getJsonArray("messages").size();
        browser.console(); // forget what came before
        WebElement box = browser.visible("reply-text");
        box.sendKeys("   ");
        browser.visible("reply-submit").click();
        WebElement error = browser.visible("reply-error");
        assertEquals("alert", error.getAttribute("role"));
        assertTrue(error.getText().contains("text: must not be empty"), error.getText());
        assertEquals("   ", browser.visible("reply-text").getAttribute("value"), "the text is kept");
        assertEquals(before, api.getJson("/api/cases/1").getJsonArray("messages").size(), "nothing was written");
        assertEquals(2, app.sentTo(ALICE).size(), "nothing was mailed");
        // Chromium reports the refused request itself (a network entry): that one is expected, nothing else
        for (LogEntry e : browser.console()) {
            assertTrue(e.getMessage().contains("/api/cases/1/replies") && e.getMessage().contains("400"), e.toString());
        }
        browser.visible("reply-text").clear();
    }

    @Test
    @Order(16)
    void herAnswerAppearsInTheOpenCaseAndItsWholeMailShowsTheQuote() throws Exception {
        browser.script("window.colocTestMark = 'same page'");
        app.send(Mails.answer("dash-3@example.org", "Alice <" + ALICE + ">", replyFromThePage,
                "Merci, ça marche !\n\nLe 20/11/2026 à 10:00, coloc a écrit :\n> Bonjour Alice,\n"
                        + "> votre VM « atelier » est prête : debian@203.0.113.20.\n"), ALICE);
        String mail = settled(d -> d.findElements(Browser.test("thread-message")).stream()
                .filter(m -> "incoming".equals(m.getAttribute("data-direction")))
                .filter(m -> m.getText().contains("Merci, ça marche"))
                .map(m -> m.getAttribute("data-mail")).findFirst().orElse(null));
        assertEquals("same page", browser.script("return window.colocTestMark"), "shown without a reload");
        awaitStateShown("waiting-admin"); // her mail reopened the closed case
        String answer = "[data-test='thread-message'][data-mail='" + mail + "'] ";
        String newText = settled(d -> d.findElement(By.cssSelector(answer + "[data-test='message-text']")).getText());
        assertTrue(newText.contains("Merci, ça marche"), newText);
        assertFalse(newText.contains("debian@203.0.113.20"), "the quote is folded away: " + newText);

        By show = By.cssSelector(answer + "[data-test='show-whole']");
        By whole = By.cssSelector(answer + "[data-test='whole-text']");
        assertEquals("false", settled(d -> d.findElement(show).getAttribute("aria-expanded")));
        // (as text: a wait takes a false Boolean for "not yet")
        assertEquals("false", settled(d -> String.valueOf(d.findElement(By.cssSelector(answer + "[data-test='whole-mail']"))
                .isDisplayed())), "folded away at first");
        settled(d -> {
            d.findElement(show).click();
            return Boolean.TRUE;
        });
        String wholeText = settled(d -> d.findElements(whole).isEmpty() || !d.findElement(whole).isDisplayed() ? null
                : d.findElement(whole).getText());
        assertTrue(wholeText.contains("> votre VM « atelier » est prête : debian@203.0.113.20."), wholeText);
        assertTrue(wholeText.contains("Merci, ça marche !"), wholeText);
        assertEquals("true", settled(d -> d.findElement(show).getAttribute("aria-expanded")));
        settled(d -> {
            d.findElement(show).click();
            return Boolean.TRUE;
        });
        assertEquals("false", settled(d -> d.findElement(show).getAttribute("aria-expanded")));
        assertEquals("false", settled(d -> String.valueOf(d.findElement(By.cssSelector(answer + "[data-test='whole-mail']"))
                .isDisplayed())), "folded again");

        // the raw source: a plain same-origin link, which works with the page's session
        String raw = settled(d -> d.findElement(By.cssSelector(answer + "[data-test='raw-link']")).getAttribute("href"));
        assertTrue(raw.matches(".*/api/messages/\\d+/raw"), raw);
        HttpResponse<String> source = send(HttpRequest.newBuilder(URI.create(raw))
                .header("Cookie", "coloc_session=" + browser.cookies().get("coloc_session").getValue()).GET());
        assertEquals(200, source.statusCode());
        assertTrue(source.body().contains("Message-ID: <dash-3@example.org>"), source.body());
    }

    @Test
    @Order(17)
    void aBouncedAddressIsFlaggedInTheOpenCaseAndThePageStaysClean() throws Exception {
        app.send(Mails.bounce("dsn-dash@mx.example.org", ALICE, replyFromThePage.getMessageID()), "MAILER-DAEMON@mx.example.org");
        String flagged = settled(d -> d.findElements(By.cssSelector("[data-test='participant'][data-address='" + ALICE
                + "'][data-failing] [data-test='failing']")).stream().map(WebElement::getText).findFirst().orElse(null));
        assertTrue(flagged.contains("5.1.1"), flagged);
        browser.script("window.scrollTo(0, 0)"); // the header with the flagged address, and the thread's start
        browser.screenshot("case");

        List<LogEntry> problems = browser.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
    }

    /** Text that is a key of the texts rather than a word: what t() shows when a language lacks the key. */
    static final java.util.regex.Pattern UNTRANSLATED = java.util.regex.Pattern.compile(
            "\\b(?:inv|maint|comments|mail|tokens|cases|case|nav|state|dir)_[A-Za-z0-9_]+\\b");

    @Test
    @Order(18)
    void everyAreaSpeaksBothLanguagesWithoutAMissingWord() throws Exception {
        List<String> routes = List.of("/cases", "/cases/1", "/mail", "/mail/outbox", "/members", "/members/new",
                "/hosts", "/vms", "/vms/new", "/vms/certificates", "/maintenances", "/maintenances/new", "/comments",
                "/comments/posts", "/comments/posts/new", "/tokens");
        for (String lang : List.of("fr", "en")) {
            browser.script("localStorage.setItem('coloc.lang', arguments[0])", lang);
            // a fresh document reads the language again (moving between routes only changes the address's hash)
            browser.open("about:blank");
            for (String route : routes) {
                browser.open(base() + "/admin/#" + route);
                // drawn: a title, and nothing left saying it is loading
                String text = settled(d -> {
                    String body = (String) browser.script("return document.body.innerText");
                    boolean drawn = !d.findElements(By.cssSelector("main h1")).isEmpty()
                            && !body.contains("Chargement…") && !body.contains("Loading…");
                    return drawn ? body : null;
                });
                assertEquals(lang, browser.script("return document.documentElement.lang"), route);
                java.util.regex.Matcher key = UNTRANSLATED.matcher(text);
                if (key.find()) {
                    org.junit.jupiter.api.Assertions.fail(lang + " " + route + ": the key '" + key.group()
                            + "' is shown instead of a word, in: " + text);
                }
            }
        }
        // every area's texts are loaded now: each key in both languages (a key lacking in one shows the other's word)
        Object lacking = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/admin/js/i18n.js').then((m) => done(m.untranslated()));");
        assertEquals(List.of(), lacking, "texts in one language only");
        List<LogEntry> problems = browser.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
    }
}
