package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox under hostile mail: requesters whose addresses were read leniently, a case with 150 participants,
 * a thread of 3,000 references, an SMTP server gone for longer than the give-up time (shortened here to 15 s).
 * Mail comes in over IMAP (GreenMail), goes out through a second SMTP server (the "relay") that a test can
 * stop; the admin looks at the outbox over {@code /api/outbox}. The tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String GOOD = "patient@example.org";
    private static final String BIG = "big.team@example.org";
    private static final String THREAD = "long.thread@example.org";

    @RegisterExtension
    static final ColocApp app = ColocApp.named("outbox").withMailServer().withRelay()
            .withAdmin(People.ADMIN).set("COLOC_OUTBOX_GIVE_UP_AFTER", "PT15S");
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    /** 15 requests from addresses SMTP refuses, then one good one: its acknowledgement does not wait for them. */
    @Test
    @Order(1)
    void acknowledgementsToBadAddressesFailAtOnceAndDelayNobody() throws Exception {
        for (int i = 0; i < 5; i++) {
            mail.deliver(Mails.plain("dotdot-" + i + "@x.example", "a..b" + i + "@x.example", "Demande " + i, "Bonjour"),
                    Mails.plain("lead-" + i + "@x.example", ".a" + i + "@x.example", "Question " + i, "Bonjour"),
                    Mails.plain("comma-" + i + "@x.example", "\"a" + i + ",b\"@x.example", "Besoin " + i, "Bonjour"));
        }
        // their 15 cases are open, so their 15 acknowledgements are queued ahead of the good one
        api.await("/api/cases", p -> p.getInt("total") >= 15, WAIT);
        long sentAt = System.nanoTime();
        app.send(Mails.plain("patient-1@example.org", GOOD, "Une VM, s'il vous plaît", "Bonjour, merci d'avance."),
                GOOD);
        app.awaitMail(GOOD, 1, Duration.ofSeconds(15));
        long seconds = Duration.ofNanos(System.nanoTime() - sentAt).toSeconds();
        assertTrue(seconds <= 15, "the good acknowledgement took " + seconds + " s");

        JsonObject failed = api.await("/api/outbox?status=failed",
                p -> p.getInt("total") >= 10, WAIT);
        List<JsonObject> items = failed.getJsonArray("items").getValuesAs(JsonObject.class);
        for (String bad : List.of("a..b0@x.example", ".a3@x.example")) {
            JsonObject m = byRecipient(items, bad);
            assertEquals("failed", m.getString("status"), m.toString());
            assertEquals(1, m.getInt("attempts"), "refused for good at the first attempt: " + m);
            assertTrue(m.getString("lastError").contains("malformed address"), m.toString());
            JsonObject r = m.getJsonArray("recipients").getJsonObject(0);
            assertEquals(bad, r.getString("address"));
            assertEquals("failed", r.getString("status"));
        }
        // a quoted comma is one valid address: never split, it goes out as it is
        MimeMessage toComma = app.awaitMail("\"a2,b\"@x.example", 1, WAIT).get(0);
        assertEquals(1, toComma.getAllRecipients().length);
        JsonObject comma = byRecipient(api.getJson("/api/outbox?kind=acknowledgement&status=sent&limit=500")
                .getJsonArray("items").getValuesAs(JsonObject.class), "\"a2,b\"@x.example");
        assertEquals(1, comma.getJsonArray("recipients").size(), comma.toString());
    }

    @Test
    @Order(2)
    void theAdminRetriesAndDropsOutgoingMail() throws Exception {
        JsonObject failed = byRecipient(api.getJson("/api/outbox?status=failed&limit=500").getJsonArray("items")
                .getValuesAs(JsonObject.class), "a..b1@x.example");
        long id = failed.getJsonNumber("id").longValue();
        Api.Reply retried = api.post("/api/outbox/" + id + "/retry", null);
        assertEquals(200, retried.status(), retried.text());
        assertEquals("queued", retried.json().getString("status"));
        JsonObject again = api.await("/api/outbox/" + id, m -> "failed".equals(m.getString("status")), WAIT);
        assertTrue(again.getString("lastError").contains("malformed address"), again.toString());

        Api.Reply dropped = api.delete("/api/outbox/" + id, null);
        assertEquals(204, dropped.status(), dropped.text());
        assertEquals("dropped", api.getJson("/api/outbox/" + id).getString("status"));
        assertEquals(204, api.delete("/api/outbox/" + id, null).status(), "dropping twice is harmless");
        assertTrue(api.getJson("/api/outbox?status=dropped").getInt("total") >= 1);

        JsonObject sent = byRecipient(api.getJson("/api/outbox?status=sent&limit=500").getJsonArray("items")
                .getValuesAs(JsonObject.class), GOOD);
        long sentId = sent.getJsonNumber("id").longValue();
        Api.Reply history = api.delete("/api/outbox/" + sentId, null);
        assertEquals(409, history.status(), "sent mail is history: " + history.text());
        assertTrue(history.contentType().startsWith("application/problem+json"), history.contentType());
        assertEquals(409, api.post("/api/outbox/" + sentId + "/retry", null).status());
        assertEquals(404, api.get("/api/outbox/987654").status());
        assertEquals(400, api.get("/api/outbox/abc").status());
        Api.Reply badStatus = api.get("/api/outbox?status=lost");
        assertEquals(400, badStatus.status());
        assertTrue(badStatus.contentType().startsWith("application/problem+json"), badStatus.contentType());
        assertEquals(401, api.withoutCredentials().get("/api/outbox").status());
        assertTrue(api.get("/openapi").text().contains("OutboxMailViewPage"), "described like the other lists");
        assertEquals(1, app.sentTo(GOOD).size(), "nothing sent twice");
    }

    @Test
    @Order(3)
    void aReplyToACaseWith150ParticipantsIsAnsweredAndDelivered() throws Exception {
        StringBuilder cc = new StringBuilder();
        for (int i = 1; i < 150; i++) {
            cc.append(i == 1 ? "" : ",\r\n ").append("participant-").append(String.format("%03d", i)).append("@example.org");
        }
        byte[] raw = ("From: " + BIG + "\r\nTo: " + TestMailServer.COLOC + "\r\nCc: " + cc
                + "\r\nSubject: Hébergement pour toute l'équipe\r\nMessage-ID: <big-1@example.org>"
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour à tous.\r\n").getBytes(StandardCharsets.UTF_8);
        app.send(raw, BIG);
        JsonObject cases = api.await("/api/cases?requester=" + BIG, p -> p.getInt("total") == 1, WAIT);
        long number = cases.getJsonArray("items").getJsonObject(0).getJsonNumber("number").longValue();
        Api.Reply reply = api.post("/api/cases/" + number + "/replies", "{\"text\": \"Bonjour à tous, c'est prêt.\"}");
        assertEquals(201, reply.status(), reply.text());
        JsonObject out = api.await("/api/outbox?kind=reply&status=sent", p -> p.getInt("total") >= 1, WAIT)
                .getJsonArray("items").getJsonObject(0);
        List<String> recipients = out.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("address")).toList();
        assertTrue(recipients.contains(BIG) && recipients.size() > 1, recipients.toString());
        // the relay keeps one copy per envelope recipient, each showing the whole To header
        assertEquals(recipients.size(), app.sentTo(BIG).stream().filter(m -> text(m).contains("c'est prêt"))
                .count(), "one delivery per recipient");
        List<String> mailboxes = app.relay().users();
        for (String r : recipients) {
            assertTrue(mailboxes.contains(r), "delivered to " + r);
        }
    }

    @Test
    @Order(4)
    void anAcknowledgementToAMailWith3000ReferencesHasNoOverlongHeaderLine() throws Exception {
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            refs.append(i == 0 ? "" : "\r\n ").append("<ref-").append(i).append("@old.example.org>");
        }
        app.send(("From: " + THREAD + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Un très vieux fil"
                + "\r\nMessage-ID: <thread-1@example.org>\r\nReferences: " + refs
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nToujours là ?\r\n").getBytes(StandardCharsets.UTF_8),
                THREAD);
        MimeMessage ack = app.awaitMail(THREAD, 1, WAIT).get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ack.writeTo(bytes);
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\r\n")) {
            assertTrue(line.length() <= 998, "a header line of " + line.length() + " characters");
        }
        String references = ack.getHeader("References", " ");
        assertTrue(references.startsWith("<ref-0@old.example.org>"), "the thread's start is kept: " + references);
        assertTrue(references.contains("<ref-2999@old.example.org>"), references);
        assertTrue(references.endsWith("<thread-1@example.org>"), "and its end: " + references);
        assertEquals("<thread-1@example.org>", ack.getHeader("In-Reply-To", null));
    }

    @Test
    @Order(5)
    void mailThatCannotGoOutForLongerThanTheGiveUpTimeEndsFailedAndCanBeRetried() throws Exception {
        long number = api.getJson("/api/cases?requester=" + THREAD).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("number").longValue();
        app.relay().stop();
        assertEquals(201, api.post("/api/cases/" + number + "/replies", "{\"text\": \"Réponse perdue.\"}").status());
        long lost = newest("reply").getJsonNumber("id").longValue();
        assertEquals(201, api.post("/api/cases/" + number + "/replies", "{\"text\": \"Réponse retirée.\"}").status());
        long withdrawn = newest("reply").getJsonNumber("id").longValue();
        assertEquals(204, dropWhenNotBeingSent(withdrawn));

        JsonObject failed = api.await("/api/outbox/" + lost, m -> "failed".equals(m.getString("status")), WAIT);
        assertTrue(failed.getString("lastError").contains("gave up"), failed.toString());
        assertTrue(failed.getInt("attempts") > 1, "tried several times first: " + failed);

        app.relay().start();
        Thread.sleep(5000);
        assertEquals(List.of(), app.sentTo(THREAD), "neither the abandoned nor the dropped mail goes out");

        assertEquals(200, api.post("/api/outbox/" + lost + "/retry", null).status());
        MimeMessage late = app.awaitMail(THREAD, 1, WAIT).get(0);
        assertTrue(text(late).contains("Réponse perdue"), text(late));
        api.await("/api/outbox/" + lost, m -> "sent".equals(m.getString("status")), WAIT);
        Thread.sleep(3000);
        assertFalse(app.sentTo(THREAD).stream().anyMatch(m -> text(m).contains("retirée")),
                "the dropped mail never goes out");
    }

    /** A mail is "sending" for the moment of an attempt: dropping it then is refused (409), a moment later not. */
    private static int dropWhenNotBeingSent(long id) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 10 && status != 204; i++) {
            status = api.delete("/api/outbox/" + id, null).status();
            if (status == 409) {
                Thread.sleep(200);
            }
        }
        return status;
    }

    private static JsonObject newest(String kind) {
        return api.getJson("/api/outbox?kind=" + kind + "&limit=1").getJsonArray("items").getJsonObject(0);
    }

    private static JsonObject byRecipient(List<JsonObject> mails, String address) {
        return mails.stream().filter(m -> m.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("address").toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT))))
                .findFirst().orElseThrow(() -> new AssertionError("no outbox mail to " + address + " in " + mails));
    }

    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            return "";
        }
    }
}
