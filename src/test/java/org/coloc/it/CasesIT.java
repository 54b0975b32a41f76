package org.coloc.it;

import static org.coloc.it.ColocApp.WAIT;
import static org.coloc.it.People.ADMIN;
import static org.coloc.it.People.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases as a requester sees them in his own mailbox: mail to the coloc address goes through the real IMAP
 * server (GreenMail), what coloc sends goes out through a second SMTP server (the "relay") that a test can
 * stop. The tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CasesIT {

    @RegisterExtension
    static final ColocApp app = ColocApp.named("cases").withMailServer().withRelay()
            .withAdmin(ADMIN).withClockControl();
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    @Test
    @Order(1)
    void aNewMailGetsAnAcknowledgementInTheSendersMailbox() throws Exception {
        MimeMessage ack = app.acknowledgementOf(1, Mails.plain("req-1@example.org", "Alice <" + ALICE + ">",
                "Demande d'hébergement", "Bonjour, nous voudrions une VM Debian pour notre association. Merci !"),
                ALICE);
        assertEquals("<req-1@example.org>", ack.getHeader("In-Reply-To", null));
        assertEquals(TestMailServer.COLOC, ack.getFrom()[0].toString());
        assertTrue(((String) ack.getContent()).contains("#1"), "French by default: " + ack.getContent());
        assertTrue(((String) ack.getContent()).contains("Bonjour"));

        JsonObject c = api.getJson("/api/cases/1");
        assertEquals("new", c.getString("state"));
        assertEquals(ALICE, c.getString("requester"));
        assertEquals("Demande d'hébergement", c.getString("subject"));
        List<String> directions = c.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("direction")).toList();
        assertEquals(List.of("incoming", "outgoing"), directions);
        assertEquals(1, api.getJson("/api/cases").getInt("total"));
    }

    @Test
    @Order(2)
    void replyingToTheAcknowledgementLandsInTheSameCase() throws Exception {
        MimeMessage ack = app.awaitMail(ALICE, 1).get(0);
        String ackId = ack.getMessageID();
        app.send(("From: Alice <" + ALICE + ">\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: " + ack.getSubject()
                + "\r\nMessage-ID: <req-2@example.org>\r\nIn-Reply-To: " + ackId + "\r\nReferences: <req-1@example.org> "
                + ackId + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPrécision : 2 Go de mémoire suffiront.\r\n\r\n"
                + "Le 21/11/2026 à 10:00, la coloc a écrit :\r\n> Votre message est bien arrivé\r\n")
                .getBytes(StandardCharsets.UTF_8), ALICE);
        JsonObject c = awaitCase(1, 3);
        JsonObject reply = c.getJsonArray("messages").getJsonObject(2);
        assertEquals("incoming", reply.getString("direction"));
        assertTrue(reply.getString("text").startsWith("Précision : 2 Go"), reply.getString("text"));
        assertEquals(1, api.getJson("/api/cases").getInt("total"), "no new case");
        assertEquals(1, app.sentTo(ALICE).size(), "no second acknowledgement");
    }

    @Test
    @Order(3)
    void aReplyThatLostItsHeadersButKeptTheTagLandsThereToo() throws Exception {
        app.send(Mails.plain("req-3@example.org", "Alice <" + ALICE + ">", "Re: [coloc #1] Demande d'hébergement",
                "Et aussi un nom de domaine."), ALICE);
        awaitCase(1, 4);
        assertEquals(1, api.getJson("/api/cases").getInt("total"));
    }

    @Test
    @Order(4)
    void aStrangerUsingSomeoneElsesTagGetsANewFlaggedCase() throws Exception {
        app.send(Mails.plain("mallory-1@example.net", "mallory@example.net", "Re: [coloc #1] Demande d'hébergement",
                "Je reprends ce dossier, envoyez-moi les accès."), "mallory@example.net");
        JsonObject c = awaitCaseExists(2);
        assertEquals("mallory@example.net", c.getString("requester"));
        assertTrue(c.getBoolean("foreignTag"));
        assertEquals(4, api.getJson("/api/cases/1").getJsonArray("messages").size(), "case 1 untouched");
    }

    @Test
    @Order(5)
    void anAutoReplyGetsNothing() throws Exception {
        app.send(Mails.autoReply("ooo-1@example.org"), "bob@example.org");
        api.await("/api/messages?classification=auto-reply", p -> p.getInt("total") == 1, WAIT);
        Thread.sleep(3000);
        assertEquals(2, api.getJson("/api/cases").getInt("total"));
        assertTrue(app.sentTo("bob@example.org").isEmpty());

        // an out-of-office naming one of our mails joins that thread, changing nothing else
        String stateBefore = api.getJson("/api/cases/1").getString("state");
        int messagesBefore = api.getJson("/api/cases/1").getJsonArray("messages").size();
        String ackId = app.sentTo(ALICE).get(0).getMessageID();
        app.send(("From: " + ALICE + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Absence : Re: [coloc #1]"
                + "\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <ooo-2@example.org>\r\nIn-Reply-To: " + ackId
                + "\r\n\r\nJe suis absente jusqu'au 3.\r\n").getBytes(StandardCharsets.UTF_8), ALICE);
        JsonObject c = awaitCase(1, messagesBefore + 1);
        assertEquals(stateBefore, c.getString("state"));
        assertEquals("ooo-2@example.org", c.getJsonArray("messages").getJsonObject(messagesBefore).getString("messageId"));
        Thread.sleep(3000);
        assertEquals(1, app.sentTo(ALICE).size(), "an auto-reply is never answered");
    }

    @Test
    @Order(6)
    void anAdminReplyReachesTheRequesterInTheThreadAndHerAnswerComesBack() throws Exception {
        Api.Reply r = api.post("/api/cases/1/replies", "{\"text\": \"Bonjour Alice, votre VM est prête.\"}");
        assertEquals(201, r.status(), r.text());
        assertEquals("waiting-requester", r.json().getString("state"));
        MimeMessage answer = app.awaitMail(ALICE, 2).get(1);
        assertTrue(answer.getSubject().startsWith("[coloc #1] Re: Demande"), answer.getSubject());
        assertNotNull(answer.getHeader("In-Reply-To", null));
        assertTrue(answer.getHeader("References", null).contains("<req-1@example.org>"));
        assertEquals(null, answer.getHeader("Auto-Submitted", null), "a person wrote it");
        assertTrue(((String) answer.getContent()).contains("votre VM est prête"));

        app.send(("From: " + ALICE + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: " + answer.getSubject()
                + "\r\nMessage-ID: <req-4@example.org>\r\nIn-Reply-To: " + answer.getMessageID()
                + "\r\n\r\nMerci beaucoup !\r\n").getBytes(StandardCharsets.UTF_8), ALICE);
        JsonObject c = api.await("/api/cases/1", x -> "waiting-admin".equals(x.getString("state")), WAIT);
        JsonObject last = c.getJsonArray("messages").getJsonObject(c.getJsonArray("messages").size() - 1);
        assertEquals("req-4@example.org", last.getString("messageId"));
    }

    @Test
    @Order(7)
    void notesStateAndLinksAreKeptWithTheCase() {
        Api.Reply note = api.post("/api/cases/1/notes", "{\"text\": \"VM créée sur garage-1\"}");
        assertEquals(201, note.status(), note.text());
        JsonObject c = note.json();
        JsonObject last = c.getJsonArray("messages").getJsonObject(c.getJsonArray("messages").size() - 1);
        assertEquals("note", last.getString("direction"));
        assertEquals("admin", last.getString("author"));
        Api.Reply closed = api.patch("/api/cases/1", "{\"state\": \"closed\"}", null);
        assertEquals(200, closed.status(), closed.text());
        assertEquals("closed", closed.json().getString("state"));
        assertEquals(400, api.patch("/api/cases/1", "{\"state\": \"archived\"}", null).status());
        assertEquals(400, api.post("/api/cases/1/replies", "{}").status());
        assertEquals(404, api.get("/api/cases/99").status());
        assertEquals(1, api.getJson("/api/cases?state=closed").getInt("total"));
        // the inbox's counts: every state named, in one answer, agreeing with the lists and following the filters
        JsonObject counts = api.getJson("/api/cases/counts");
        assertEquals(List.of("new", "waiting-admin", "waiting-requester", "closed"), List.copyOf(counts.keySet()));
        for (String state : counts.keySet()) {
            assertEquals(api.getJson("/api/cases?state=" + state).getInt("total"), counts.getInt(state), state);
        }
        assertEquals(1, counts.getInt("closed"));
        assertEquals(0, api.getJson("/api/cases/counts?q=no-such-subject-anywhere").getInt("closed"));
        assertEquals(400, api.get("/api/cases/counts?maintenance=x").status());
    }

    @Test
    @Order(8)
    void aMailToAClosedCaseReopensIt() throws Exception {
        app.send(Mails.plain("req-5@example.org", ALICE, "Re: [coloc #1] Demande d'hébergement",
                "Oups, encore une question."), ALICE);
        api.await("/api/cases/1", c -> "waiting-admin".equals(c.getString("state")), WAIT);
    }

    @Test
    @Order(9)
    void withSmtpDownTheOutboxKeepsTheMailAndDeliversItOnceWhenItIsBack() throws Exception {
        app.relay().stop();
        assertEquals(201, api.post("/api/cases/1/replies", "{\"text\": \"Réponse pendant la panne.\"}").status());
        // several attempts fail meanwhile
        Thread.sleep(6000);
        app.relay().start(); // a fresh server: it only holds what arrives from now on
        app.awaitMail(ALICE, 1);
        Thread.sleep(5000);
        List<MimeMessage> received = app.sentTo(ALICE);
        assertEquals(1, received.stream().filter(m -> content(m).contains("pendant la panne")).count(),
                "delivered exactly once");
    }

    @Test
    @Order(10)
    void fiftyRoundTripsWithAVacationAutoResponderProduceAtMostOneAcknowledgement() throws Exception {
        String bob = "bob.vacances@example.org";
        app.send(Mails.plain("bob-0@example.org", bob, "Question sur les tarifs", "Combien coûte une VM ?"), bob);
        app.awaitMail(bob, 1);
        // a badly behaved auto-responder: no Auto-Submitted, answers whatever it gets, sometimes without headers
        for (int i = 1; i <= 50; i++) {
            List<MimeMessage> got = app.sentTo(bob);
            MimeMessage last = got.get(got.size() - 1);
            String headers = i % 2 == 0 ? "In-Reply-To: " + last.getMessageID() + "\r\n" : "";
            app.send(("From: " + bob + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: " + last.getSubject()
                    + "\r\nMessage-ID: <bob-" + i + "@example.org>\r\n" + headers
                    + "\r\nJe suis en vacances jusqu'au 3 janvier.\r\n").getBytes(StandardCharsets.UTF_8), bob);
        }
        api.await("/api/messages?limit=1", p -> p.getJsonArray("items").getJsonObject(0).getString("messageId")
                .equals("bob-50@example.org"), WAIT);
        Thread.sleep(5000);
        assertEquals(1, app.sentTo(bob).size(), "one acknowledgement, whatever the auto-responder does");
    }

    @Test
    @Order(11)
    void timersMovedByTheClockRemindTheAdminAndCloseAbandonedCases() throws Exception {
        String owner = "owner@coloc.test";
        assertEquals(0, app.sentTo(owner).size());
        app.advanceClock("P4D");
        MimeMessage reminder = app.awaitMail(owner, 1).get(0);
        String text = content(reminder);
        assertTrue(reminder.getSubject().contains("attendent"), reminder.getSubject());
        assertTrue(text.contains("#2") && text.contains("mallory@example.net"), text);
        assertFalse(text.contains("#1 "), "case 1 waits for its requester, not for the admin: " + text);

        app.advanceClock("P2D");
        Thread.sleep(4000);
        assertEquals(1, app.sentTo(owner).size(), "reminded again only 3 days after the last reminder");
        app.advanceClock("P2D");
        app.awaitMail(owner, 2);

        int toAlice = app.sentTo(ALICE).size();
        app.advanceClock("P22D");
        api.await("/api/cases/1", c -> "closed".equals(c.getString("state")), WAIT);
        MimeMessage closing = app.awaitMail(ALICE, toAlice + 1).get(toAlice);
        assertTrue(closing.getSubject().startsWith("[coloc #1]"), closing.getSubject());
        assertTrue(content(closing).contains("refermons"), content(closing));
        assertNotNull(closing.getHeader("In-Reply-To", null));
    }

    @Test
    @Order(12)
    void aBounceForOurMailMarksTheAddressFailingOnTheCaseAndTheMember() throws Exception {
        Api.Reply member = api.post("/api/members", "{\"displayName\": \"Alice\", \"email\": \"" + ALICE + "\"}");
        assertEquals(201, member.status(), member.text());
        List<MimeMessage> toAlice = app.sentTo(ALICE);
        String ours = toAlice.get(toAlice.size() - 1).getMessageID();
        app.send(Mails.bounce("dsn-1@mx.example.org", ALICE, ours), "MAILER-DAEMON@mx.example.org");
        JsonObject c = api.await("/api/cases/1", x -> !x.getJsonArray("failingAddresses").isEmpty(), WAIT);
        assertEquals(ALICE + " (5.1.1)", c.getJsonArray("failingAddresses").getString(0));
        JsonObject m = api.getJson("/api/members/" + member.json().getJsonNumber("id"));
        assertTrue(m.getString("emailFailing").startsWith(ALICE + " 5.1.1"), m.toString());
        JsonObject change = api.getJson("/api/changes?type=member&id=" + m.getJsonNumber("id")).getJsonArray("items")
                .getJsonObject(0);
        assertEquals("coloc (bounce of case #1)", change.getString("actor"), "the member's change is logged: " + change);
        JsonObject before = change.getJsonObject("before");
        assertTrue(!before.containsKey("emailFailing") || before.isNull("emailFailing"), change.toString());
        assertEquals(m.getString("emailFailing"), change.getJsonObject("after").getString("emailFailing"));
        assertTrue(app.sentTo("MAILER-DAEMON@mx.example.org").isEmpty(), "a bounce is never answered");
    }

    @Test
    @Order(13)
    void theAdminAnsweringFromHisOwnMailClientIsRecordedNotResent() throws Exception {
        String owner = "owner@coloc.test";
        // his client answers a mail of ours (copied to him): its keyed Message-ID proves the mail is his
        String ours = api.getJson("/api/cases/2").getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("outgoing")).findFirst().orElseThrow()
                .getString("messageId");
        app.send(("From: " + owner + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: [coloc #2] Demande "
                + "d'hébergement\r\nMessage-ID: <owner-1@coloc.test>\r\nIn-Reply-To: <" + ours + ">\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nBonjour, qui êtes-vous ? Ce dossier n'est pas le "
                + "vôtre.\r\n").getBytes(StandardCharsets.UTF_8), owner);
        JsonObject c = api.await("/api/cases/2", x -> "waiting-requester".equals(x.getString("state")), WAIT);
        JsonObject last = c.getJsonArray("messages").getJsonObject(c.getJsonArray("messages").size() - 1);
        assertEquals("outgoing", last.getString("direction"));
        assertEquals(owner, last.getString("author"));
        Thread.sleep(4000);
        assertTrue(app.sentTo("mallory@example.net").isEmpty(), "he sent it himself: coloc does not send it again");
        assertEquals(2, api.getJson("/api/cases?q=hébergement").getInt("total"), "no new case for his mail");
    }

    /**
     * A backlog arrives as one batch, threaded in one transaction: a reply must find the case its original
     * opened a moment before in the same batch, and the acknowledgement limit counts what the batch queued.
     */
    @Test
    @Order(14)
    void aBatchHoldingARequestItsRepliesAndMoreRequestsIsThreadedAndRateLimitedAsOneByOne() throws Exception {
        String carol = "carol.batch@example.org";
        String subject = "Hébergement pour l'asso des jardins";
        byte[][] batch = {
            Mails.plain("carol-1@example.org", carol, subject, "Bonjour, il nous faudrait une petite VM."),
            // replies under other subjects: only their headers tie them to the first mail
            ("From: " + carol + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Précision sur ma demande"
                    + "\r\nMessage-ID: <carol-2@example.org>\r\nIn-Reply-To: <carol-1@example.org>"
                    + "\r\nReferences: <carol-1@example.org>\r\n\r\nJ'oubliais : Debian de préférence.\r\n")
                    .getBytes(StandardCharsets.UTF_8),
            ("From: " + carol + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Encore une chose"
                    + "\r\nMessage-ID: <carol-3@example.org>\r\nIn-Reply-To: <carol-2@example.org>"
                    + "\r\n\r\nEt 20 Go de disque.\r\n").getBytes(StandardCharsets.UTF_8),
            Mails.plain("carol-4@example.org", carol, "RE : " + subject, "Sans les en-têtes, mais même sujet."),
            Mails.plain("carol-5@example.org", carol, "Une autre question : le DNS", "Gérez-vous le DNS ?"),
            Mails.plain("carol-6@example.org", carol, "Et les sauvegardes ?", "Y a-t-il des sauvegardes ?"),
            Mails.plain("carol-7@example.org", carol, "Dernière chose : le prix", "Combien donner ?"),
        };
        mail.append("Staging", batch);
        // one COPY: the whole backlog appears at once and is fetched as one batch
        mail.copyAll("Staging", "INBOX");
        JsonObject cases = api.await("/api/cases?requester=" + carol, p -> p.getInt("total") >= 4, WAIT);
        assertEquals(4, cases.getInt("total"), "one case for the thread, one per other request: " + cases);
        long first = cases.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("subject").equals(subject)).findFirst().orElseThrow().getJsonNumber("number")
                .longValue();
        JsonObject thread = api.getJson("/api/cases/" + first);
        List<String> texts = thread.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("incoming")).map(m -> m.getString("text")).toList();
        assertEquals(4, texts.size(), "the request, two replies by headers, one by subject: " + thread);
        assertTrue(texts.get(1).startsWith("J'oubliais"), texts.toString());
        Thread.sleep(4000);
        assertEquals(3, app.sentTo(carol).size(), "4 new cases, but at most 3 acknowledgements per 24 h");
    }

    private static String content(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            return "";
        }
    }

    private static JsonObject awaitCase(long number, int messages) {
        return api.await("/api/cases/" + number, c -> c.getJsonArray("messages").size() >= messages, WAIT);
    }

    private static JsonObject awaitCaseExists(long number) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get("/api/cases/" + number);
            if (r.status() == 200) {
                return r.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no case #" + number);
    }
}
