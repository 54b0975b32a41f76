package org.coloc.it;

import static org.coloc.it.People.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
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

/**
 * The dashboard's inbox filters, a case linked to a VM and given a participant, the received mail with its
 * quarantine and retry, the outbox (a failed mail sent again, then dropped), and the API tokens — in a real browser (issue 12, items 3, 4, 8). The tests build
 * on each other in order; one browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailPagesIT extends InBrowser {

    static final String BOB = "bob@example.org";
    static final String CAROL = "carol@example.org";

    // a small size limit, so that one mail of 300 KB is quarantined ("exceeds"), as in IntakeIT
    @RegisterExtension
    static final ColocApp app = ColocApp.named("mailpages").withMailServer()
            .set("COLOC_IMAP_MAX_MESSAGE_SIZE", "200000");
    static final Api api = app.api();

    static int aliceCase;
    static int bobCase;

    static String base() {
        return app.baseUrl();
    }

    static List<WebElement> all(String dataTest) {
        return browser.driver().findElements(Browser.test(dataTest));
    }

    /** The numbers of the case rows shown now, top to bottom, once the list shows exactly {@code expected}. */
    static void awaitRows(List<String> expected) {
        settled(d -> expected.equals(d.findElements(Browser.test("case-row")).stream()
                .map(r -> r.getAttribute("data-case")).toList()) ? Boolean.TRUE : null);
    }

    @Test
    @Order(1)
    void theInboxFiltersByTextAndRequesterAndKeepsThemInTheAddress() throws Exception {
        app.send(Mails.plain("pages-1@example.org", "Alice <" + ALICE + ">", "Imprimante du local bloquée",
                "Bonjour, l'imprimante du local ne répond plus.\n\nAlice"), ALICE);
        aliceCase = api.await("/api/cases", c -> c.getInt("total") == 1, ColocApp.WAIT)
                .getJsonArray("items").getJsonObject(0).getInt("number");
        app.send(Mails.plain("pages-2@example.org", "Bob <" + BOB + ">", "Certificat expiré",
                "Bonjour, le certificat de velo.example a expiré."), BOB);
        JsonObject both = api.await("/api/cases", c -> c.getInt("total") == 2, ColocApp.WAIT);
        bobCase = both.getJsonArray("items").getJsonObject(0).getInt("number");

        browser.logIn(base() + "/admin/#/cases");
        browser.visible("cases-filters");
        awaitRows(List.of(String.valueOf(bobCase), String.valueOf(aliceCase)));

        // a word of Alice's subject, typed and sent with the keyboard (Enter in the search box)
        typeInto("cases-q", "imprimante\n");
        awaitRows(List.of(String.valueOf(aliceCase)));
        assertTrue(browser.driver().getCurrentUrl().contains("q=imprimante"), browser.driver().getCurrentUrl());
        // the counts follow the filter: one case in all, Bob's is not counted
        settled(d -> "1".equals(d.findElement(By.cssSelector("[data-test='case-count-all'] [data-test='count']"))
                .getText()) ? Boolean.TRUE : null);

        typeInto("cases-q", "");
        typeInto("cases-requester", BOB);
        browser.visible("cases-apply").click();
        awaitRows(List.of(String.valueOf(bobCase)));
        assertTrue(browser.driver().getCurrentUrl().contains("requester=bob%40example.org"),
                browser.driver().getCurrentUrl());
        assertTrue(browser.visible("case-row").getText().contains(BOB));

        // a reload keeps the filter: the address holds it
        browser.driver().navigate().refresh();
        browser.visible("cases-filters");
        awaitRows(List.of(String.valueOf(bobCase)));
        assertEquals(BOB, browser.visible("cases-requester").getAttribute("value"));
        browser.screenshot("mail-cases-filtered");

        browser.visible("cases-clear").click();
        awaitRows(List.of(String.valueOf(bobCase), String.valueOf(aliceCase)));
    }

    @Test
    @Order(2)
    void aCaseIsLinkedToAVmAndAParticipantGetsTheNextReply() throws Exception {
        Api.Reply vm = api.post("/api/vms", "{\"name\": \"atelier-web\", \"hostname\": \"atelier.example\", "
                + "\"os\": \"debian\", \"vcpus\": 1, \"memoryMiB\": 1024, \"diskGiB\": 10}");
        assertEquals(201, vm.status(), vm.text());
        int vmId = vm.json().getInt("id");
        api.post("/api/vms", "{\"name\": \"autre-vm\", \"os\": \"alpine\", \"vcpus\": 1, \"memoryMiB\": 512, "
                + "\"diskGiB\": 5}");

        browser.open(base() + "/admin/#/cases/" + aliceCase);
        browser.visible("thread-view");
        typeInto("link-vm-q", "atelier");
        browser.visible("link-vm-search").click();
        settled(d -> d.findElements(Browser.test("link-vm-result")).size() == 1 ? Boolean.TRUE : null);
        browser.visible("link-vm-choose").click();
        settled(d -> String.valueOf(vmId).equals(d.findElement(Browser.test("linked-vm")).getAttribute("data-id"))
                ? Boolean.TRUE : null);
        WebElement vmLink = browser.visible("linked-vm-link");
        assertTrue(vmLink.getAttribute("href").endsWith("#/vms/" + vmId), vmLink.getAttribute("href"));
        settled(d -> d.findElement(Browser.test("linked-vm-link")).getText().contains("atelier-web") ? Boolean.TRUE : null);
        assertEquals(vmId, api.getJson("/api/cases/" + aliceCase).getInt("vm"), "the API's case shows the link");

        // and to the member, found by her project's name: the VM stays linked
        Api.Reply member = api.post("/api/members", "{\"displayName\": \"Atelier vélo\", "
                + "\"email\": \"contact@velo.example\"}");
        assertEquals(201, member.status(), member.text());
        int memberId = member.json().getInt("id");
        typeInto("link-member-q", "atelier");
        browser.visible("link-member-search").click();
        settled(d -> d.findElements(Browser.test("link-member-result")).size() == 1 ? Boolean.TRUE : null);
        browser.visible("link-member-choose").click();
        settled(d -> String.valueOf(memberId).equals(d.findElement(Browser.test("linked-member"))
                .getAttribute("data-id")) ? Boolean.TRUE : null);
        assertTrue(browser.visible("linked-member-link").getAttribute("href").endsWith("#/members/" + memberId));
        JsonObject linked = api.getJson("/api/cases/" + aliceCase);
        assertEquals(memberId, linked.getInt("member"));
        assertEquals(vmId, linked.getInt("vm"), "linking the member kept the VM");

        // a bad address: the API's refusal at the field, nothing added (the requester is listed as one already)
        int participantsBefore = api.getJson("/api/cases/" + aliceCase).getJsonArray("participants").size();
        typeInto("participant-email", "pas une adresse");
        browser.visible("participant-add").click();
        WebElement error = browser.visible("participant-error");
        assertTrue(error.getText().contains("email"), error.getText());
        assertEquals("true", browser.visible("participant-email").getAttribute("aria-invalid"));
        assertEquals(participantsBefore, api.getJson("/api/cases/" + aliceCase).getJsonArray("participants").size());

        typeInto("participant-email", CAROL);
        browser.visible("participant-add").click();
        settled(d -> d.findElements(By.cssSelector("[data-test='participant'][data-address='" + CAROL + "']")).size() == 1
                ? Boolean.TRUE : null);
        assertFalse(browser.driver().findElement(Browser.test("participant-error")).isDisplayed(), "the error is gone");
        browser.screenshot("mail-case-linked");

        typeInto("reply-text", "Bonjour, Carol s'occupera de l'imprimante avec vous.");
        browser.visible("reply-submit").click();
        List<MimeMessage> toCarol = app.awaitMail(CAROL, 1);
        assertTrue(toCarol.get(0).getSubject().startsWith("[coloc #" + aliceCase + "]"), toCarol.get(0).getSubject());
        assertTrue(String.valueOf(toCarol.get(0).getContent()).contains("Carol s'occupera de l'imprimante"));

        // and removed again: the next reply no longer goes there
        settled(d -> d.findElements(By.cssSelector("[data-test='participant'][data-address='" + CAROL + "'] "
                + "[data-test='participant-remove']")).size() == 1 ? Boolean.TRUE : null);
        browser.driver().findElement(By.cssSelector("[data-test='participant'][data-address='" + CAROL + "'] "
                + "[data-test='participant-remove']")).click();
        settled(d -> d.findElements(By.cssSelector("[data-test='participant'][data-address='" + CAROL + "']")).isEmpty()
                ? Boolean.TRUE : null);
        assertEquals(participantsBefore, api.getJson("/api/cases/" + aliceCase).getJsonArray("participants").size());

        // unlinking the VM leaves the member
        browser.visible("unlink-vm").click();
        settled(d -> d.findElement(Browser.test("linked-vm")).getAttribute("data-id") == null ? Boolean.TRUE : null);
        JsonObject unlinked = api.getJson("/api/cases/" + aliceCase);
        assertTrue(!unlinked.containsKey("vm") || unlinked.isNull("vm"), unlinked.toString());
        assertEquals(memberId, unlinked.getInt("member"), "the member stays linked");
    }

    @Test
    @Order(3)
    void aQuarantinedMailShowsItsReasonAndItsRetryOutcome() throws Exception {
        app.mail().append("INBOX", Mails.oversized("big@example.org", 300_000));
        JsonObject quarantined = api.await("/api/messages?status=quarantined", p -> p.getInt("total") == 1,
                ColocApp.WAIT).getJsonArray("items").getJsonObject(0);
        int bigId = quarantined.getInt("id");
        assertTrue(quarantined.getString("error").contains("exceeds"), "the list carries the reason: " + quarantined);

        browser.open(base() + "/admin/#/mail");
        WebElement row = settled(d -> d.findElements(By.cssSelector("[data-test='mail-row'][data-mail='" + bigId + "']"))
                .stream().findFirst().orElse(null));
        assertEquals("quarantined", row.getAttribute("data-status"));
        assertTrue(row.findElement(Browser.test("mail-reason")).getText().contains("exceeds"), row.getText());
        // the other mails carry their classification
        assertTrue(all("mail-classification").stream().anyMatch(b -> "human".equals(b.getAttribute("data-classification"))));
        browser.screenshot("mail-received");

        browser.driver().findElement(By.cssSelector("[data-test='mail-row'][data-mail='" + bigId + "'] "
                + "[data-test='mail-retry']")).click();
        WebElement outcome = settled(d -> {
            WebElement o = d.findElement(Browser.test("mail-retry-outcome"));
            return o.getText().isBlank() ? null : o;
        });
        assertEquals("quarantined", outcome.getAttribute("data-status"), "still too big");
        assertTrue(outcome.getText().contains("exceeds"), outcome.getText());

        // the filter keeps to quarantined mail, in the address
        browser.open(base() + "/admin/#/mail?status=quarantined");
        settled(d -> d.findElements(Browser.test("mail-row")).size() == 1 ? Boolean.TRUE : null);

        // one mail: its reason, its raw source; Alice's goes to her case
        browser.open(base() + "/admin/#/mail/" + bigId);
        assertTrue(browser.visible("mail-reason").getText().contains("exceeds"));
        assertTrue(browser.visible("mail-raw").getAttribute("href").endsWith("/api/messages/" + bigId + "/raw"));

        int aliceMail = api.getJson("/api/cases/" + aliceCase).getJsonArray("messages").getJsonObject(0).getInt("mail");
        browser.open(base() + "/admin/#/mail/" + aliceMail);
        WebElement caseLink = browser.visible("mail-case-link");
        assertEquals(String.valueOf(aliceCase), caseLink.getAttribute("data-case"));
        assertTrue(browser.visible("mail-text").getText().contains("l'imprimante du local ne répond plus"));
        browser.screenshot("mail-detail");

        // the outbox: the acknowledgements and the reply to Carol, with their recipients
        browser.open(base() + "/admin/#/mail/outbox");
        settled(d -> d.findElements(Browser.test("outbox-row")).stream()
                .anyMatch(r -> r.findElement(Browser.test("outbox-recipients")).getText().contains(CAROL)) ? Boolean.TRUE : null);
        browser.screenshot("mail-outbox");
    }

    /** The outbox row of mail {@code id} as shown now, once its status is {@code status}. */
    static WebElement outboxRow(long id, String status) {
        return settled(d -> d.findElements(By.cssSelector("[data-test='outbox-row'][data-outbox='" + id + "']")).stream()
                .filter(r -> status.equals(r.getAttribute("data-status"))).findFirst().orElse(null));
    }

    /** What bears {@code dataTest} in the outbox row of mail {@code id}. */
    static By inOutboxRow(long id, String dataTest) {
        return By.cssSelector("[data-test='outbox-row'][data-outbox='" + id + "'] [data-test='" + dataTest + "']");
    }

    @Test
    @Order(4)
    void aFailedMailIsSentAgainFromTheOutboxThenDropped() throws Exception {
        // a request from an address no server would take: its acknowledgement is refused for good at once
        app.mail().deliver(Mails.plain("dotdot@x.example", "a..b@x.example", "Demande de VM", "Bonjour"));
        JsonObject failed = api.await("/api/outbox?status=failed", p -> p.getInt("total") == 1, ColocApp.WAIT)
                .getJsonArray("items").getJsonObject(0);
        long id = failed.getJsonNumber("id").longValue();

        browser.open(base() + "/admin/#/mail/outbox?status=failed");
        outboxRow(id, "failed");
        String error = textOf(inOutboxRow(id, "outbox-error"));
        assertTrue(error.contains("malformed address"), error);
        assertTrue(textOf(inOutboxRow(id, "outbox-recipients")).contains("a..b@x.example"));
        browser.screenshot("mail-outbox-failed");

        // send again: queued, tried, refused again for the same reason
        clickShown(inOutboxRow(id, "outbox-retry"));
        WebElement outcome = settled(d -> {
            WebElement o = d.findElement(Browser.test("outbox-outcome"));
            return o.getText().isBlank() ? null : o;
        });
        assertTrue(outcome.getAttribute("class").contains("outcome-ok"), outcome.getText());
        JsonObject again = api.await("/api/outbox/" + id, m -> "failed".equals(m.getString("status"))
                && m.getInt("attempts") == 1 && m.getString("lastError").contains("malformed address"), ColocApp.WAIT);
        assertEquals(1, again.getJsonArray("recipients").size());
        browser.driver().navigate().refresh();
        outboxRow(id, "failed");

        // drop it, once the admin confirms
        clickShown(inOutboxRow(id, "outbox-drop"));
        clickShown(inOutboxRow(id, "outbox-drop-yes"));
        settled(d -> d.findElement(Browser.test("outbox-outcome")).getText().contains(String.valueOf(id)) ? Boolean.TRUE : null);
        assertEquals("dropped", api.getJson("/api/outbox/" + id).getString("status"));
        browser.open(base() + "/admin/#/mail/outbox?status=dropped");
        WebElement row = outboxRow(id, "dropped");
        assertEquals(1, row.findElements(Browser.test("outbox-retry")).size(), "a dropped mail can still be sent");
        assertTrue(row.findElements(Browser.test("outbox-drop")).isEmpty(), "and is not dropped twice");
    }

    @Test
    @Order(5)
    void aTokenIsShownOnceWorksAndStopsWorkingOnceRevoked() throws Exception {
        browser.open(base() + "/admin/#/tokens");
        browser.visible("token-form");
        // no name: the API's message at the field
        browser.visible("token-create").click();
        assertTrue(browser.visible("token-name-error").isDisplayed());
        assertEquals("true", browser.visible("token-name").getAttribute("aria-invalid"));

        typeInto("token-name", "sauvegarde");
        browser.visible("token-create").click();
        String secret = browser.visible("token-secret").getAttribute("value");
        assertTrue(secret.startsWith("coloc_") && secret.length() > 30, secret);
        assertTrue(browser.visible("token-secret-warning").isDisplayed(), "you will not see it again");
        browser.screenshot("tokens-created");

        Api script = api.withAuthorization("Bearer " + secret);
        assertEquals(200, script.get("/api/ping").status(), "the new token works for a script");
        assertEquals(200, script.get("/api/cases").status());

        // leaving the view and coming back: the value is nowhere, the token is listed and was used
        browser.open(base() + "/admin/#/cases");
        browser.visible("cases-view");
        browser.open(base() + "/admin/#/tokens");
        WebElement row = settled(d -> d.findElements(By.cssSelector("[data-test='token-row'][data-name='sauvegarde']"))
                .stream().findFirst().orElse(null));
        assertFalse(browser.driver().getPageSource().contains(secret), "the secret is gone");
        assertTrue(all("token-secret").isEmpty());
        assertFalse(row.findElement(Browser.test("token-last-used")).getText().matches("(?i).*(never|jamais).*"),
                row.getText());

        row.findElement(Browser.test("token-revoke")).click();
        browser.driver().findElement(By.cssSelector("[data-test='token-row'][data-name='sauvegarde'] "
                + "[data-test='token-revoke-yes']")).click();
        settled(d -> "true".equals(d.findElement(By.cssSelector("[data-test='token-row'][data-name='sauvegarde']"))
                .getAttribute("data-revoked")) ? Boolean.TRUE : null);
        assertEquals(401, script.get("/api/ping").status(), "revoked: refused");

        browser.driver().navigate().refresh();
        settled(d -> d.findElements(By.cssSelector("[data-test='token-row'][data-name='sauvegarde']")).size() == 1
                ? Boolean.TRUE : null);
        assertFalse(browser.driver().getPageSource().contains(secret), "the secret is nowhere after a reload");
        browser.screenshot("tokens-list");
    }

    @Test
    @Order(6)
    void theViewsHaveNoConsoleErrorAndLoadNothingFromOutside() throws Exception {
        browser.console(); // forget the refusals the tests provoked on purpose
        String[] views = {"#/cases?q=imprimante", "#/cases/" + aliceCase, "#/mail", "#/mail/outbox", "#/tokens"};
        String[] loaded = {"cases", "case-" + aliceCase, "mail", "outbox", "tokens"};
        for (int i = 0; i < views.length; i++) {
            browser.open(base() + "/admin/" + views[i]);
            browser.driver().navigate().refresh();
            String want = loaded[i];
            settled(d -> want.equals(d.findElement(By.id("main")).getAttribute("data-loaded")) ? Boolean.TRUE : null);
        }
        List<LogEntry> problems = browser.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
        List<String> urls = browser.loadedUrls();
        for (String url : urls) {
            assertTrue(url.startsWith(base() + "/"), "loaded from elsewhere: " + url);
        }
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/admin/js/views/tokens.js")), urls.toString());
    }
}
