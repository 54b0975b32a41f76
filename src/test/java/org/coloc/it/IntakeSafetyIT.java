package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.coloc.intake.control.FetchedMail;
import org.coloc.intake.control.ImapMailbox;
import org.coloc.intake.control.MailboxEntry;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.platform.TlsMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8, intake side, on the built-in mailbox as someone trying coloc out has it (no IMAP server configured):
 * mail is sent over SMTP by hand, the way mail servers and broken mailers send it, and what a user would notice
 * is checked over REST and IMAP. The poll interval stays at its default of 60 s, so a mail that waits for the
 * periodic check instead of being seen at once makes the burst test fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeSafetyIT {

    private static final String COLOC = TestMailServer.COLOC;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final ColocApp app = ColocApp.named("intake-safety").withBuiltInMailbox()
            // the default: a mail that waits for the periodic check waits a minute
            .set("COLOC_IMAP_POLL_INTERVAL_SECONDS", "60");
    static final Api api = app.api();

    @BeforeAll
    static void theBuiltInMailboxRuns() throws Exception {
        assertTrue(app.logText().contains("built-in local mailbox started"), "no IMAP host: the built-in mailbox");
    }

    @Test
    @Order(1)
    void aSecondMailReusingAMessageIdIsKeptAndAnExactReDeliveryIsNot() throws Exception {
        byte[] first = Mails.plain("reused@example.org", "alice@example.org", "Une VM", "Bonjour, une VM Debian ?");
        byte[] second = Mails.plain("reused@example.org", "bob@example.org", "Autre chose", "Un autre mail, même id.");
        assertEquals("250", smtp("<alice@example.org>", first));
        assertEquals("250", smtp("<bob@example.org>", second));
        api.await("/api/messages", p -> p.getInt("total") == 2, WAIT);
        awaitFolder("INBOX", 0);

        // the same mail delivered again: other trace headers (Return-Path, Received with another date), same mail
        assertEquals("250", smtp("<alice@example.org>", first));
        awaitFolder("Coloc-Processed", 3);
        awaitFolder("INBOX", 0);
        JsonObject page = api.getJson("/api/messages?limit=500");
        assertEquals(2, page.getInt("total"), page.toString());
        assertEquals(2, page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> "reused@example.org".equals(m.getString("messageId", null))).count());
    }

    @Test
    @Order(2)
    void longIdentifiersAndAddressesAreStoredNotQuarantined() throws Exception {
        long before = total();
        String longId = "x".repeat(1221 - "@example.org".length()) + "@example.org";
        String longAddress = "y".repeat(300 - "@example.org".length()) + "@example.org";
        assertEquals(1221, longId.length());
        assertEquals(300, longAddress.length());
        assertEquals("250", smtp("<carol@example.org>", Mails.plain(longId, "carol@example.org", "Id tres long",
                "Mon client de messagerie fait des Message-ID immenses.")));
        assertEquals("250", smtp("<dave@example.org>", Mails.plain("long-address@example.org", longAddress,
                "Adresse tres longue", "Mon adresse est longue.")));
        assertEquals("250", smtp("<erin@example.org>", Mails.plain("after-long@example.org", "erin@example.org",
                "Apres", "Toujours la.")));
        awaitMessages("long-address@example.org", "after-long@example.org");
        assertEquals(before + 3, total());
        JsonObject quarantined = api.getJson("/api/messages?status=quarantined");
        assertEquals(0, quarantined.getInt("total"), "good mail is never quarantined: " + quarantined);
        assertEquals("ingested", find("after-long@example.org").getString("status"));
        assertEquals("ingested", find("long-address@example.org").getString("status"));
    }

    @Test
    @Order(3)
    void aBurstOfAHundredMailsIsStoredAtOnceNotAtTheNextPoll() throws Exception {
        long before = total();
        List<byte[]> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(Mails.plain("burst-" + i + "@example.org", "frank" + i + "@example.org", "Rafale " + i,
                    "Mail " + i + " d'une rafale."));
        }
        long start = System.nanoTime();
        List<String> replies = smtp("<frank@example.org>", burst);
        assertEquals(100, replies.stream().filter("250"::equals).count(), replies.toString());
        long sent = System.nanoTime();
        api.await("/api/messages", p -> p.getInt("total") == before + 100, Duration.ofSeconds(15));
        long stored = System.nanoTime();
        System.out.printf("burst of 100: sent in %d ms, all stored %d ms after the last%n", (sent - start) / 1_000_000,
                (stored - sent) / 1_000_000);
    }

    @Test
    @Order(4)
    void aBounceFromTheNullSenderIsAcceptedAndStored() throws Exception {
        byte[] bounce = ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n"
                + "To: " + COLOC + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <bounce-1@mx.example.org>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "This is the mail system at host mx.example.org.\r\n"
                + "I'm sorry to have to inform you that your message could not be delivered.\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals("250", smtp("<>", bounce), "every real bounce comes from the null sender");
        awaitMessages("bounce-1@mx.example.org");
        assertEquals("ingested", find("bounce-1@mx.example.org").getString("status"));
    }

    @Test
    @Order(5)
    void theRawMailIsExactlyWhatTheMailboxHoldsFinalLineBreakIncluded() throws Exception {
        byte[] sent = Mails.plain("single-part@example.org", "grace@example.org", "Un seul morceau",
                "Première ligne.\r\n.Une ligne qui commence par un point.\r\nDernière ligne.");
        assertEquals("\r\n", new String(Arrays.copyOfRange(sent, sent.length - 2, sent.length), StandardCharsets.US_ASCII));
        assertEquals("250", smtp("<grace@example.org>", sent));
        awaitMessages("single-part@example.org");
        awaitFolder("INBOX", 0);
        Api.Reply raw = api.get("/api/messages/" + find("single-part@example.org").getInt("id") + "/raw");
        assertEquals(200, raw.status());
        byte[] held = heldInProcessed("single-part@example.org");
        assertArrayEquals(held, raw.body(), "the raw bytes are what the mailbox holds");
        byte[] tail = Arrays.copyOfRange(raw.body(), Math.max(0, raw.body().length - sent.length), raw.body().length);
        assertArrayEquals(sent, tail, "and end with exactly what was sent, final line break included");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static long total() {
        return api.getJson("/api/messages").getInt("total");
    }

    /** Waits until every one of these Message-IDs is listed (whatever else arrives meanwhile). */
    private static void awaitMessages(String... messageIds) {
        api.await("/api/messages?limit=500", p -> p.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("messageId", "")).collect(java.util.stream.Collectors.toSet())
                .containsAll(List.of(messageIds)), WAIT);
    }

    private static JsonObject find(String messageId) {
        return api.getJson("/api/messages?limit=500").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> messageId.equals(o.getString("messageId", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + messageId));
    }

    private static String smtp(String reversePath, byte[] mail) throws Exception {
        return smtp(reversePath, List.of(mail)).get(0);
    }

    /**
     * Sends mails over one SMTP connection, by hand (dot-stuffing included), as fast as the server takes them;
     * answers the server's reply to each mail's data.
     */
    private static List<String> smtp(String reversePath, List<byte[]> mails) throws Exception {
        try (Socket s = new Socket("127.0.0.1", app.localSmtpPort())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO client.example.org", "250");
            List<String> replies = new ArrayList<>();
            for (byte[] mail : mails) {
                command(out, in, "MAIL FROM:" + reversePath, "250");
                command(out, in, "RCPT TO:<" + COLOC + ">", "250");
                command(out, in, "DATA", "354");
                String data = new String(mail, StandardCharsets.ISO_8859_1);
                data = (data.startsWith(".") ? "." : "") + data.replace("\r\n.", "\r\n..");
                out.write(data.getBytes(StandardCharsets.ISO_8859_1));
                out.write((data.endsWith("\r\n") ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                replies.add(reply(in));
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return replies;
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expected) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String got = reply(in);
        if (!got.equals(code)) {
            throw new AssertionError("SMTP answered " + got + ", expected " + code);
        }
    }

    private static String reply(BufferedReader in) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line == null ? "EOF" : line.substring(0, Math.min(3, line.length()));
    }

    private static void awaitFolder(String folder, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = count(folder);
            if (seen == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(folder + " holds " + seen + " messages, expected " + count);
    }

    private static int count(String folder) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", app.localImapPort(), COLOC, COLOC);
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        }
    }

    /** The exact bytes the built-in IMAP server holds for a mail of its processed folder (BODY.PEEK[]). */
    private static byte[] heldInProcessed(String messageId) throws Exception {
        MailboxSettings settings = new MailboxSettings("127.0.0.1", app.localImapPort(), TlsMode.NONE, COLOC, COLOC, "Coloc-Processed",
                "Coloc-Processed", "Coloc-Quarantine", Duration.ofSeconds(60), false, 10_000_000, 500,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            List<Long> uids = box.list().stream().map(MailboxEntry::uid).toList();
            for (FetchedMail m : box.fetch(uids)) {
                if (new String(m.raw(), StandardCharsets.ISO_8859_1).contains("Message-ID: <" + messageId + ">")) {
                    return m.raw();
                }
            }
        }
        throw new AssertionError("the mailbox does not hold " + messageId);
    }
}
