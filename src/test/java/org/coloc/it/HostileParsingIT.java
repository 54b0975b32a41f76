package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coloc.intake.control.HostileMails;
import org.coloc.intake.control.RawHeaders;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An attacker mails coloc what made the old parser crawl (a 1.5 MB header of unclosed encoded words took 44 s, a
 * 1.2 MB body of blank lines and sign-offs 45 s, 3,000 parts or deep nesting ~50 s — and every mail behind
 * waited): the mail a member sends right after must still arrive within seconds, nothing may be lost, and each
 * hostile mail must open promptly over the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileParsingIT {

    /** Generous for a loaded CI machine; the old code needed 44–50 s for one such mail. */
    private static final Duration NEXT_MAIL_WITHIN = Duration.ofSeconds(10);
    private static final Duration OPENS_WITHIN = Duration.ofSeconds(5);
    private static final Map<String, byte[]> HOSTILE = HostileMails.all();

    // the default size limit (25 MB): every hostile mail is under it and must be read, not refused
    @RegisterExtension
    static final ColocApp app = ColocApp.named("hostile-parsing").withMailServer();
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    @Test
    @Order(1)
    void theMailAfterTheHostileOnesArrivesWithinSeconds() throws Exception {
        for (Map.Entry<String, byte[]> h : HOSTILE.entrySet()) {
            mail.send(h.getValue(), "mallory@example.net", TestMailServer.COLOC);
        }
        long sent = System.nanoTime();
        mail.send(Mails.plain("after-the-hostile-ones@example.org", "Alice <alice@example.org>", "Disque plein",
                "Bonjour, le disque de ma VM est plein."), "alice@example.org", TestMailServer.COLOC);

        api.await("/api/messages?limit=100", p -> find(p, "after-the-hostile-ones@example.org") != null,
                NEXT_MAIL_WITHIN.plusSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("good mail stored " + took.toMillis() + " ms after it was sent, behind " + HOSTILE.size()
                + " hostile mails");
        assertTrue(took.compareTo(NEXT_MAIL_WITHIN) <= 0, "the good mail waited " + took.toMillis() + " ms");
        JsonObject good = find(api.getJson("/api/messages?limit=100"), "after-the-hostile-ones@example.org");
        assertEquals("ingested", good.getString("status"));
    }

    @Test
    @Order(2)
    void nothingIsLostAndEveryHostileMailKeepsItsBytes() {
        JsonObject page = api.await("/api/messages?limit=100", p -> p.getInt("total") == HOSTILE.size() + 1,
                Duration.ofSeconds(30));
        for (Map.Entry<String, byte[]> h : HOSTILE.entrySet()) {
            JsonObject m = find(page, RawHeaders.messageId(h.getValue()));
            assertTrue(m != null, h.getKey() + " is missing: " + page);
            String status = m.getString("status");
            assertTrue(List.of("ingested", "quarantined").contains(status), h.getKey() + ": " + status);
            Api.Reply raw = api.get("/api/messages/" + m.getInt("id") + "/raw");
            assertEquals(200, raw.status(), h.getKey());
            // the SMTP server may put its trace fields in front; everything that was sent is kept after them
            byte[] sent = h.getValue();
            byte[] stored = raw.body();
            assertTrue(stored.length >= sent.length, h.getKey() + ": " + stored.length + " < " + sent.length);
            assertTrue(Arrays.equals(sent, sent.length - 200, sent.length, stored, stored.length - 200, stored.length)
                    || Arrays.equals(sent, sent.length - 202, sent.length - 2, stored, stored.length - 200, stored.length),
                    h.getKey() + ": the stored bytes end like the sent ones");
        }
    }

    @Test
    @Order(3)
    void everyHostileMailOpensPromptly() {
        JsonObject page = api.getJson("/api/messages?limit=100");
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> h : HOSTILE.entrySet()) {
            JsonObject m = find(page, RawHeaders.messageId(h.getValue()));
            long t0 = System.nanoTime();
            Api.Reply detail = api.get("/api/messages/" + m.getInt("id"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            millis.put(h.getKey(), ms);
            assertEquals(200, detail.status(), h.getKey() + ": " + detail.text());
            assertTrue(ms <= OPENS_WITHIN.toMillis(), h.getKey() + " took " + ms + " ms to open");
        }
        System.out.println("GET /api/messages/{id} of the hostile mails, ms: " + millis);
        JsonObject addresses = api.getJson("/api/messages/" + find(page, RawHeaders.messageId(HOSTILE.get("50000 addresses"))).getInt("id"));
        assertEquals(100, addresses.getJsonObject("recipients").getJsonArray("to").size(), "bounded, as parsed at intake");
    }

    private static JsonObject find(JsonObject page, String messageId) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> messageId.equals(o.getString("messageId", null))).findFirst().orElse(null);
    }
}
