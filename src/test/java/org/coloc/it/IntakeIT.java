package org.coloc.it;

import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intake as the admin sees it: mail sent to a real IMAP/SMTP server (GreenMail) shows up through the REST
 * API of the real application (Payara Micro started from the built WAR). One server for the whole class, as
 * starting one costs ~15 s; the tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final ColocApp app = ColocApp.named("intake").withMailServer().set("COLOC_IMAP_MAX_MESSAGE_SIZE", "200000");
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    @Test
    @Order(1)
    void apiRequiresTheAdmin() {
        Api.Reply anonymous = api.withoutCredentials().get("/api/messages");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        assertEquals(401, api.as("admin", "not-the-password").get("/api/messages").status());
        assertEquals(401, api.as("mallory", ColocServer.ADMIN_PASSWORD).get("/api/messages").status());
        assertEquals(200, api.get("/api/messages").status());
    }

    @Test
    @Order(2)
    void mailsSentOverSmtpAppearThroughRest() throws Exception {
        mail.send(Mails.plain("first@example.org", "Alice <alice@example.org>", "=?utf-8?q?H=C3=A9bergement?= asso",
                "Bonjour, une VM Debian pour notre association ?"), "alice@example.org", TestMailServer.COLOC);
        mail.send(Mails.htmlOnlyWithAttachment("second@example.org"), "francois@example.org", TestMailServer.COLOC);
        mail.send(Mails.autoReply("third@example.org"), "bob@example.org", TestMailServer.COLOC);

        JsonObject page = api.await("/api/messages", p -> p.getInt("total") == 3, WAIT);
        assertEquals(3, page.getJsonArray("items").size());
        // newest first
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertEquals("third@example.org", newest.getString("messageId"));
        assertEquals("auto-reply", newest.getString("classification"));

        JsonObject first = find("first@example.org");
        assertEquals("Hébergement asso", first.getString("subject"));
        assertEquals("human", first.getString("classification"));
        assertEquals("ingested", first.getString("status"));
        JsonObject detail = api.getJson("/api/messages/" + first.getInt("id"));
        assertTrue(detail.getString("text").contains("une VM Debian"), detail.toString());
        assertEquals("alice@example.org", detail.getString("from"));

        JsonObject html = api.getJson("/api/messages/" + find("second@example.org").getInt("id"));
        assertEquals("Demande de VM été", html.getString("subject"));
        assertTrue(html.getString("text").contains("Une VM pour l'été ?"), html.getString("text"));
        assertFalse(html.getString("text").contains("alert"), "script content must not reach the text");
        assertEquals(1, html.getJsonArray("attachments").size());
        JsonObject attachment = html.getJsonArray("attachments").getJsonObject(0);
        assertEquals("statuts été.pdf", attachment.getString("name"));
        assertEquals(15, attachment.getInt("size"), "base64 of 20 characters is 15 bytes");
        Api.Reply content = api.get("/api/messages/" + html.getInt("id") + "/attachments/" + attachment.getInt("index"));
        assertEquals(200, content.status());
        assertTrue(new String(content.body(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-1.4"));
        assertTrue(content.header("Content-Disposition").startsWith("attachment;"), "never rendered inline");
        assertEquals(404, api.get("/api/messages/" + html.getInt("id") + "/attachments/7").status());
        assertEquals("coloc@coloc.test", detail.getJsonObject("recipients").getJsonArray("to").getJsonObject(0)
                .getString("address"));
        assertTrue(detail.getJsonArray("headers").getValuesAs(JsonObject.class).stream()
                .anyMatch(h -> h.getString("name").equals("Subject") && h.getString("value").equals("Hébergement asso")));

        assertEquals("auto-reply", api.get("/api/messages?classification=auto-reply").json()
                .getJsonArray("items").getJsonObject(0).getString("classification"));
        assertEquals(1, api.get("/api/messages?classification=auto-reply").json().getInt("total"));

        // committed, then moved out of the inbox
        awaitFolder("INBOX", 0);
        awaitFolder("Coloc-Processed", 3);
    }

    @Test
    @Order(3)
    void poisonMailIsQuarantinedAndTheMailsAfterItStillArrive() throws Exception {
        byte[] garbage = Mails.garbage();
        byte[] big = Mails.oversized("big@example.org", 300_000);
        mail.append("INBOX", garbage, big,
                Mails.plain("after-poison@example.org", "carol@example.org", "Après", "Toujours là."));

        api.await("/api/messages", p -> p.getInt("total") == 6, WAIT);
        JsonObject quarantined = api.getJson("/api/messages?status=quarantined");
        assertEquals(2, quarantined.getInt("total"), quarantined.toString());
        assertEquals("ingested", find("after-poison@example.org").getString("status"));

        JsonObject bigOne = api.getJson("/api/messages/" + find("big@example.org").getInt("id"));
        assertEquals("quarantined", bigOne.getString("status"));
        assertTrue(bigOne.getString("error").contains("exceeds"), bigOne.getString("error"));
        // nothing is lost: the raw bytes are there, byte for byte
        Api.Reply raw = api.get("/api/messages/" + bigOne.getInt("id") + "/raw");
        assertEquals(200, raw.status());
        assertTrue(raw.contentType().startsWith("message/rfc822"), raw.contentType());
        assertArrayEquals(big, raw.body());

        awaitFolder("Coloc-Quarantine", 2);
        awaitFolder("INBOX", 0);
    }

    @Test
    @Order(4)
    void retryAnswersForQuarantinedMailOnly() {
        JsonObject quarantined = api.getJson("/api/messages?status=quarantined").getJsonArray("items").getJsonObject(0);
        Api.Reply retried = api.post("/api/messages/" + quarantined.getInt("id") + "/retry", null);
        assertEquals(200, retried.status(), retried.text());
        assertEquals("quarantined", retried.json().getString("status"), "still too big or still garbage");

        Api.Reply notQuarantined = api.post("/api/messages/" + find("first@example.org").getInt("id") + "/retry", null);
        assertEquals(409, notQuarantined.status());
        assertTrue(notQuarantined.contentType().startsWith("application/problem+json"));
    }

    @Test
    @Order(5)
    void badRequestsGetProblemAnswers() {
        for (String bad : List.of("/api/messages/not-a-number", "/api/messages?limit=100000", "/api/messages?offset=-1",
                "/api/messages?classification=spam", "/api/messages?status=lost")) {
            assertProblem(api.get(bad), 400);
        }
        for (String missing : List.of("/api/messages/987654", "/api/no-such-thing")) {
            assertProblem(api.get(missing), 404);
        }
    }

    @Test
    @Order(6)
    void readingTheSameMailboxAgainAfterARestartAddsNothing() throws Exception {
        long before = api.getJson("/api/messages").getInt("total");
        app.stop();
        // everything comes back into the inbox, as after a crash between commit and move, or a re-delivery
        mail.copyAll("Coloc-Processed", "INBOX");
        mail.copyAll("Coloc-Quarantine", "INBOX");
        assertEquals(6, mail.count("INBOX"));
        app.start();
        awaitFolder("INBOX", 0);
        assertEquals(before, api.getJson("/api/messages").getInt("total"));
    }

    @Test
    @Order(7)
    void intakeResumesByItselfWhenTheImapServerComesBack() throws Exception {
        long before = api.getJson("/api/messages").getInt("total");
        mail.stop();
        awaitReadiness(503);
        mail.start();
        mail.send(Mails.plain("after-restart@example.org", "dave@example.org", "Retour", "Le serveur est revenu."),
                "dave@example.org", TestMailServer.COLOC);
        api.await("/api/messages", p -> p.getInt("total") == before + 1, Duration.ofSeconds(60));
        assertEquals("ingested", find("after-restart@example.org").getString("status"));
        awaitReadiness(200);
    }

    private static JsonObject find(String messageId) {
        return api.getJson("/api/messages?limit=500").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> messageId.equals(o.getString("messageId", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + messageId));
    }

    private static void awaitFolder(String folder, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = mail.count(folder);
            if (seen == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(folder + " holds " + seen + " messages, expected " + count);
    }

    private static void awaitReadiness(int status) throws Exception {
        Api anonymous = api.withoutCredentials();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = anonymous.get("/health/ready").status();
            if (seen == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness " + seen + ", expected " + status);
    }

    @SuppressWarnings("unused")
    private static String dump(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(Object::toString)
                .collect(Collectors.joining("\n"));
    }
}
