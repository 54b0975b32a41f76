package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 in the middle of a 2,000-mail backlog, start again: every mail is stored exactly once. Some mails
 * have no Message-ID, so the content-hash identity is exercised too.
 */
class CrashIT {

    private static final int MAILS = 2000;
    private static final int WITHOUT_ID = 100;

    // small batches make the window for a kill between commit and move wide; this run polls instead of
    // using IDLE, so both ways of watching the mailbox are covered by the system tests
    @RegisterExtension
    static final ColocApp app = ColocApp.named("crash").withMailServer().set("COLOC_IMAP_BATCH_SIZE", "10")
            .set("COLOC_IMAP_IDLE", "false").startedByTest();
    static final TestMailServer mail = app.mail();

    @BeforeAll
    static void fillTheMailbox() throws Exception {
        byte[][] backlog = new byte[MAILS][];
        for (int i = 0; i < MAILS; i++) {
            String id = i < WITHOUT_ID ? null : "crash-" + i + "@example.org";
            backlog[i] = Mails.plain(id, "sender" + (i % 37) + "@example.org", "Demande n°" + i,
                    "Bonjour,\r\nceci est le message " + i + " de la file.\r\n" + "Cordialement.".repeat(1 + i % 5));
        }
        long t0 = System.nanoTime();
        mail.deliver(backlog);
        System.out.printf("crash test: %d mails delivered in %d ms%n", MAILS, (System.nanoTime() - t0) / 1_000_000);
        assertEquals(MAILS, mail.count("INBOX"));
    }

    @Test
    void killedWhileIngestingLosesAndDuplicatesNothing() throws Exception {
        app.start();
        Api api = app.api();
        long atKill = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get("/api/messages?limit=1");
            if (r.status() == 200 && r.json().getInt("total") >= 100) {
                app.kill();
                atKill = r.json().getInt("total");
                break;
            }
            Thread.sleep(20);
        }
        System.out.println("crash test: killed with " + atKill + " of " + MAILS + " mails committed, "
                + mail.count("INBOX") + " still in the inbox");
        assertTrue(atKill >= 100 && atKill < MAILS, "the kill must land in the middle of the backlog: " + atKill);

        app.start();
        api = app.api();
        api.await("/api/messages?limit=1", p -> p.getInt("total") >= MAILS, Duration.ofSeconds(180));
        awaitEmptyInbox();
        // give a duplicate every chance to show up
        Thread.sleep(3000);

        Set<String> ids = new HashSet<>();
        int withoutId = 0;
        int total = api.getJson("/api/messages?limit=1").getInt("total");
        for (int offset = 0; offset < total; offset += 500) {
            for (JsonObject item : api.getJson("/api/messages?limit=500&offset=" + offset)
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                assertEquals("ingested", item.getString("status"), item.toString());
                if (item.containsKey("messageId")) {
                    assertTrue(ids.add(item.getString("messageId")), "stored twice: " + item);
                } else {
                    withoutId++;
                }
            }
        }
        System.out.println("crash test: after restart " + total + " stored (" + ids.size() + " by Message-ID, "
                + withoutId + " by content hash)");
        assertEquals(MAILS, total, "every mail exactly once");
        assertEquals(MAILS - WITHOUT_ID, ids.size());
        assertEquals(WITHOUT_ID, withoutId);
        assertEquals(MAILS, mail.count("Coloc-Processed"));
        byte[] sample = api.get("/api/messages/" + api.getJson("/api/messages?limit=1").getJsonArray("items")
                .getJsonObject(0).getInt("id") + "/raw").body();
        assertTrue(new String(sample, StandardCharsets.UTF_8).contains("ceci est le message"));
    }

    private static void awaitEmptyInbox() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mail.count("INBOX") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("inbox still holds " + mail.count("INBOX"));
            }
            Thread.sleep(200);
        }
    }
}
