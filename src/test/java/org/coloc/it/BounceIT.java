package org.coloc.it;

import static org.coloc.it.ColocApp.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.coloc.intake.control.DeliveryReports;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bounces of our acknowledgement as real mail servers write them, sent over SMTP: the admin must see each as a
 * bounce naming the address that failed (not the postmaster the report asks him to contact) with a status that
 * tells a delay (4.x.x) from a permanent failure, and nobody may be answered — not the mailer daemon, not the
 * member a second time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BounceIT {

    private static final String ALICE = "alice@members.example";
    private static final String DAEMON_DOMAIN = "mx.members.example";

    private static String ackId;

    @RegisterExtension
    static final ColocApp app = ColocApp.named("bounce").withMailServer().withRelay();
    static final Api api = app.api();

    @Test
    @Order(1)
    void aMemberWritesAndGetsHerAcknowledgement() throws Exception {
        ackId = app.acknowledgementOf(1, Mails.plain("alice-1@members.example", "Alice <" + ALICE + ">", "Sauvegardes",
                "Bonjour, nos sauvegardes échouent depuis hier."), ALICE).getMessageID();
        assertNotNull(ackId);
    }

    @Test
    @Order(2)
    void postfixBounceNamesTheRecipientNotThePostmasterToContact() throws Exception {
        send("bounce-hard@" + DAEMON_DOMAIN, """
                From: Mail Delivery System <MAILER-DAEMON@mx.members.example>
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="P"

                --P
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the Postfix program at host mx.members.example.

                I'm sorry to have to inform you that the message returned
                below could not be delivered to one or more destinations.

                For further assistance, please contact <postmaster@mx.members.example>

                If you do so, please include this problem report. You can
                delete your own text from the message returned below.

                                        The Postfix program

                <alice@members.example>: host mail.members.example[192.0.2.25] said: 550
                    5.1.1 <alice@members.example>: Recipient address rejected: User unknown
                    in virtual mailbox table (in reply to RCPT TO command)

                --P
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: coloc@coloc.test
                To: alice@members.example
                Message-ID: %s
                Subject: [coloc #1] Sauvegardes

                --P--
                """.formatted(ackId));
        assertEquals("5.1.1", awaitBounceForAlice("bounce-hard@" + DAEMON_DOMAIN));
    }

    @Test
    @Order(3)
    void exchangeDelayWarningIsABounceWithATemporaryStatus() throws Exception {
        send("bounce-delay@" + DAEMON_DOMAIN, """
                From: Microsoft Outlook <postmaster@mx.members.example>
                Subject: Delivery delayed:[coloc #1] Sauvegardes
                MIME-Version: 1.0
                Content-Type: text/plain; charset=us-ascii
                In-Reply-To: %s

                """.formatted(ackId) + DeliveryReports.exchangeDelayBody(ALICE, "[coloc #1] Sauvegardes"));
        String status = awaitBounceForAlice("bounce-delay@" + DAEMON_DOMAIN);
        assertTrue(status.startsWith("4."), "a delay is temporary: " + status);
    }

    @Test
    @Order(4)
    void aBulkPrecedenceDoesNotMakeAMailerDaemonReportAListMailNorAVersionAStatus() throws Exception {
        send("bounce-bulk@" + DAEMON_DOMAIN, """
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.members.example>
                Subject: Returned mail: see transcript for details
                Precedence: bulk
                MIME-Version: 1.0
                Content-Type: text/plain; charset=us-ascii

                The original message was received at Sat, 28 Nov 2026 10:00:00 +0100
                from lists.coloc.test [192.0.2.1] (Mailman v2.0.13)

                   ----- The following addresses had permanent fatal errors -----
                <alice@members.example>
                    (reason: 550 5.2.1 Mailbox disabled, Mailman v2.0.13)

                   ----- Transcript of session follows -----
                ... while talking to mail.members.example.:
                >>> RCPT To:<alice@members.example>
                <<< 550 5.2.1 <alice@members.example>... Mailbox disabled

                   ----- Original message follows -----
                From: coloc@coloc.test
                To: alice@members.example
                Message-ID: %s
                """.formatted(ackId));
        assertEquals("5.2.1", awaitBounceForAlice("bounce-bulk@" + DAEMON_DOMAIN));
    }

    @Test
    @Order(5)
    void noReportIsAnswered() throws Exception {
        Thread.sleep(3000); // the outbox retries every 2 s: an answer would be out by now
        assertTrue(app.sentTo(DAEMON_DOMAIN).isEmpty(), "a mailer daemon is never answered");
        assertEquals(1, app.sentTo(ALICE).size(), "the member got her acknowledgement only");
        assertEquals(1, api.getJson("/api/cases").getInt("total"), "no report opened a case");
        assertEquals(0, api.getJson("/api/messages?classification=list").getInt("total"));
    }

    private static void send(String messageId, String headersAndBody) throws Exception {
        String raw = "Message-ID: <" + messageId + ">\nTo: " + TestMailServer.COLOC + "\n" + headersAndBody;
        // a non-null envelope sender: the test SMTP server may refuse MAIL FROM:<>
        app.send(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "MAILER-DAEMON@" + DAEMON_DOMAIN);
    }

    /** Waits for the report to be filed as a bounce naming Alice as the failed recipient; returns its status. */
    private static String awaitBounceForAlice(String messageId) throws Exception {
        JsonObject m = awaitMessage(messageId);
        assertEquals("bounce", m.getString("classification"), m.toString());
        assertEquals(ALICE, m.getString("failedRecipient"));
        return m.getString("deliveryStatus");
    }

    private static JsonObject awaitMessage(String messageId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject item : api.getJson("/api/messages?limit=100").getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (messageId.equals(item.getString("messageId", null))) {
                    return api.getJson("/api/messages/" + item.getInt("id"));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(messageId + " never arrived");
    }
}
