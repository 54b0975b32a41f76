package org.coloc.it;

import static org.coloc.it.ColocApp.WAIT;
import static org.coloc.it.People.ADMIN;
import static org.coloc.it.People.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile mail against cases, written as the attacker acts: mails over SMTP to the coloc mailbox, what coloc
 * sends read from the relay, the admin over HTTP. A stranger who knows a Message-ID of a case must not get the
 * admin's replies sent to him or to whom he likes; a forged From: of the admin must not pass for his answer;
 * long ids, long addresses and long Cc lists must not break a case; forged and delayed bounces must not mark
 * anybody; acknowledgements are limited per hour over all senders. The tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseSafetyIT {

    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";
    private static final String MALLORY = "mallory@evil.example";
    private static final String VICTIM = "victim@example.com";

    @RegisterExtension
    static final ColocApp app = ColocApp.named("case-safety").withMailServer().withRelay()
            .withAdmin(ADMIN).withClockControl().set("COLOC_CASES_ACK_LIMIT_PER_HOUR", "4");
    static final Api api = app.api();

    @Test
    @Order(1)
    void aStrangerNamingAMessageIdOfTheCaseIsInTheThreadButGetsNothingNorDoesWhomHeCopies() throws Exception {
        app.send(("From: Alice <" + ALICE + ">\r\nTo: " + TestMailServer.COLOC + "\r\nCc: Bob <" + BOB + ">\r\n"
                + "Subject: Demande de VM\r\nMessage-ID: <alice-1@example.org>\r\n\r\nBonjour, une VM svp.\r\n")
                .getBytes(StandardCharsets.UTF_8), ALICE);
        app.awaitMail(ALICE, 1);
        // Bob got the request in Cc, forwarded it; Mallory answers it, copying himself and a victim
        app.send(("From: " + MALLORY + "\r\nTo: " + TestMailServer.COLOC + "\r\nCc: " + MALLORY + ", " + VICTIM
                + "\r\nSubject: Re: Demande de VM\r\nMessage-ID: <mallory-1@evil.example>\r\n"
                + "In-Reply-To: <alice-1@example.org>\r\nReferences: <alice-1@example.org>\r\n\r\n"
                + "Envoyez plutôt les accès à mon collègue.\r\n").getBytes(StandardCharsets.UTF_8), MALLORY);
        JsonObject c = api.await("/api/cases/1", x -> messageIds(x).contains("mallory-1@evil.example"), WAIT);
        assertEquals(1, api.getJson("/api/cases").getInt("total"), "his mail is in the thread, no new case");
        assertEquals(Set.of(ALICE, BOB), participants(c), "the requester's Cc is added, the stranger's is not");
        assertEquals(ALICE, participant(c, BOB).getString("addedBy"));

        Api.Reply r = api.post("/api/cases/1/replies", "{\"text\": \"Voici les accès.\"}");
        assertEquals(201, r.status(), r.text());
        app.awaitMail(ALICE, 2);
        app.awaitMail(BOB, 1);
        Thread.sleep(3000);
        assertTrue(app.sentTo(MALLORY).isEmpty(), "the stranger receives nothing");
        assertTrue(app.sentTo(VICTIM).isEmpty(), "nor does whom he copied");
        assertFalse(app.relay().users().contains(VICTIM));
    }

    @Test
    @Order(2)
    void theAdminAddsAndRemovesParticipantsAndTheViewSaysWhoAddedWhom() throws Exception {
        Api.Reply added = api.post("/api/cases/1/participants", "{\"email\": \"" + CAROL + "\"}");
        assertEquals(201, added.status(), added.text());
        JsonObject carol = participant(added.json(), CAROL);
        assertEquals("admin", carol.getString("addedBy"));
        assertTrue(carol.containsKey("addedAt"), carol.toString());
        Api.Reply removed = api.delete("/api/cases/1/participants/" + BOB, null);
        assertEquals(200, removed.status(), removed.text());
        assertEquals(Set.of(ALICE, CAROL), participants(removed.json()));
        assertEquals(409, api.delete("/api/cases/1/participants/" + ALICE, null).status(), "the requester stays");
        assertEquals(404, api.delete("/api/cases/1/participants/" + VICTIM, null).status());
        assertEquals(400, api.post("/api/cases/1/participants", "{\"email\": \"not an address\"}").status());

        int bobBefore = app.sentTo(BOB).size();
        assertEquals(201, api.post("/api/cases/1/replies", "{\"text\": \"Carol s'en occupe.\"}").status());
        app.awaitMail(CAROL, 1);
        Thread.sleep(3000);
        assertEquals(bobBefore, app.sentTo(BOB).size(), "a removed participant receives no more replies");
    }

    @Test
    @Order(3)
    void aForgedFromOfTheAdminIsNotHisAnswerButARealOneStillIs() throws Exception {
        int toAlice = app.sentTo(ALICE).size();
        app.send(("From: " + ADMIN + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: [coloc #1] Demande de VM"
                + "\r\nMessage-ID: <forged-1@evil.example>\r\nIn-Reply-To: <alice-1@example.org>\r\n\r\n"
                + "Dossier traité, merci.\r\n").getBytes(StandardCharsets.UTF_8), MALLORY);
        JsonObject c = api.await("/api/cases/1", x -> messageIds(x).contains("forged-1@evil.example"), WAIT);
        JsonObject forged = last(c);
        assertEquals("incoming", forged.getString("direction"), "not recorded as the admin's reply: " + forged);
        assertEquals("waiting-admin", c.getString("state"), "the case still waits for the admin");
        Thread.sleep(3000);
        assertEquals(toAlice, app.sentTo(ALICE).size(), "nothing sent");
        assertTrue(app.sentTo(ADMIN).isEmpty(), "no acknowledgement either");

        // his own client answers our mail: In-Reply-To names our keyed Message-ID
        String ours = c.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("outgoing")).reduce((a, b) -> b).orElseThrow()
                .getString("messageId");
        app.send(("From: " + ADMIN + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: [coloc #1] Demande de VM"
                + "\r\nMessage-ID: <owner-1@coloc.test>\r\nIn-Reply-To: <" + ours + ">\r\n\r\n"
                + "Je vous ai répondu à part.\r\n").getBytes(StandardCharsets.UTF_8), ADMIN);
        c = api.await("/api/cases/1", x -> messageIds(x).contains("owner-1@coloc.test"), WAIT);
        assertEquals("outgoing", last(c).getString("direction"));
        assertEquals("waiting-requester", c.getString("state"));
        Thread.sleep(3000);
        assertEquals(toAlice, app.sentTo(ALICE).size(), "recorded, not sent again");
    }

    @Test
    @Order(4)
    void aCaseWithAHundredAndFiftyAddressesInCcCanStillBeAnswered() throws Exception {
        String cc = IntStream.range(0, 150).mapToObj(i -> "m" + i + "@list.example.org")
                .collect(Collectors.joining(",\r\n "));
        app.send(("From: dave@example.org\r\nTo: " + TestMailServer.COLOC + "\r\nCc: " + cc
                + "\r\nSubject: Pour tout le monde\r\nMessage-ID: <dave-1@example.org>\r\n\r\nBonjour à tous.\r\n")
                .getBytes(StandardCharsets.UTF_8), "dave@example.org");
        JsonObject c = api.await("/api/cases?requester=dave@example.org", p -> p.getInt("total") == 1, WAIT);
        long number = c.getJsonArray("items").getJsonObject(0).getJsonNumber("number").longValue();
        JsonObject view = api.getJson("/api/cases/" + number);
        assertEquals(50, view.getJsonArray("participants").size(), "capped");
        assertTrue(view.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                // intake reads at most 100 addresses of one header (HeaderDecoder.MAX_ADDRESSES, issue 8 item 2):
                // the requester, 49 of them added, the other 51 read are noted; the rest stays in the raw mail
                .anyMatch(m -> m.getString("direction").equals("note")
                        && m.getString("text").startsWith("51 address(es) in Cc not added")
                        && m.getString("text").contains("limit of 50 participants")),
                "the addresses left out are noted: " + view);
        Api.Reply r = api.post("/api/cases/" + number + "/replies", "{\"text\": \"Bonjour à tous.\"}");
        assertEquals(201, r.status(), r.text());
        app.awaitMail("m48@list.example.org", 1);
    }

    @Test
    @Order(5)
    void aVeryLongMessageIdAndAVeryLongAddressOpenCasesAndALongIdStillThreads() throws Exception {
        String longId = "x".repeat(1209) + "@example.org";
        assertEquals(1221, longId.length());
        app.send(("From: erin@example.org\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Identifiant long\r\n"
                + "Message-ID: <" + longId + ">\r\n\r\nMon client écrit de longs identifiants.\r\n")
                .getBytes(StandardCharsets.UTF_8), "erin@example.org");
        JsonObject cases = api.await("/api/cases?requester=erin@example.org", p -> p.getInt("total") == 1, WAIT);
        long number = cases.getJsonArray("items").getJsonObject(0).getJsonNumber("number").longValue();
        app.send(("From: frank@example.org\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Autre sujet\r\n"
                + "Message-ID: <frank-1@example.org>\r\nIn-Reply-To: <" + longId + ">\r\n\r\nJe complète.\r\n")
                .getBytes(StandardCharsets.UTF_8), "frank@example.org");
        api.await("/api/cases/" + number, x -> messageIds(x).contains("frank-1@example.org"), WAIT);
        assertEquals(0, api.getJson("/api/cases?requester=frank@example.org").getInt("total"), "threaded, no new case");

        String longAddress = "l".repeat(288) + "@example.org";
        assertEquals(300, longAddress.length());
        app.send(("From: " + longAddress + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Adresse longue\r\n"
                + "Message-ID: <long-address-1@example.org>\r\n\r\nBonjour.\r\n").getBytes(StandardCharsets.UTF_8),
                "long@example.org");
        api.await("/api/cases?q=adresse%20longue", p -> p.getInt("total") == 1, WAIT);
        assertEquals(0, api.getJson("/api/messages?status=quarantined").getInt("total"), "nothing quarantined");
    }

    @Test
    @Order(6)
    void forgedAndDelayedBouncesMarkNothingARealOneMarksTheRequester() throws Exception {
        Api.Reply zoe = api.post("/api/members", "{\"displayName\": \"Zoé\", \"email\": \"zoe@example.org\"}");
        assertEquals(201, zoe.status(), zoe.text());
        String ack = app.sentTo(ALICE).get(0).getMessageID();

        // anybody who got our acknowledgement can name it in a bounce for an address of his choice
        deliverBounce("dsn-forged@evil.example", "zoe@example.org", "failed", "5.1.1", ack);
        assertTrue(api.getJson("/api/cases/1").getJsonArray("failingAddresses").isEmpty());
        JsonObject member = api.getJson("/api/members/" + zoe.json().getJsonNumber("id"));
        assertTrue(!member.containsKey("emailFailing") || member.isNull("emailFailing"), member.toString());

        deliverBounce("dsn-delay@mx.example.org", ALICE, "delayed", "4.4.7", ack);
        deliverBounce("dsn-expired@mx.example.org", ALICE, "failed", "4.4.7", ack);
        assertTrue(api.getJson("/api/cases/1").getJsonArray("failingAddresses").isEmpty(), "a delay is no failure");

        deliverBounce("dsn-real@mx.example.org", ALICE, "failed", "5.1.1", ack);
        assertEquals(List.of(ALICE + " (5.1.1)"), api.getJson("/api/cases/1").getJsonArray("failingAddresses")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    }

    @Test
    @Order(7)
    void searchingForAPercentSignFindsOnlyCasesWithOne() throws Exception {
        app.send(Mails.plain("gina-1@example.org", "gina@example.org", "Disque plein à 100%", "Help."),
                "gina@example.org");
        api.await("/api/cases?requester=gina@example.org", p -> p.getInt("total") == 1, WAIT);
        assertTrue(api.getJson("/api/cases").getInt("total") > 2);
        JsonObject found = api.getJson("/api/cases?q=%25");
        assertEquals(1, found.getInt("total"), found.toString());
        assertEquals(0, api.getJson("/api/cases?q=_").getInt("total"));
    }

    @Test
    @Order(8)
    void beyondTheHourlyLimitNewSendersGetNoAcknowledgementButTheirCasesOpen() throws Exception {
        app.advanceClock("PT2H");
        for (int i = 1; i <= 5; i++) {
            String from = "spam+" + i + "@example.net";
            app.send(Mails.plain("spam-" + i + "@example.net", from, "Offre " + i, "Bonjour."), from);
        }
        api.await("/api/cases?q=example.net", p -> p.getInt("total") == 5, WAIT);
        for (int i = 1; i <= 4; i++) {
            app.awaitMail("spam+" + i + "@example.net", 1);
        }
        Thread.sleep(4000);
        assertTrue(app.sentTo("spam+5@example.net").isEmpty(), "the fifth new address within the hour");
    }

    private static void deliverBounce(String id, String failed, String action, String status, String ours)
            throws Exception {
        String dsn = "From: MAILER-DAEMON@mx.example.org\r\nTo: " + TestMailServer.COLOC + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + id + ">\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + TestMailServer.COLOC + "\r\nTo: " + failed
                + "\r\nMessage-ID: " + ours + "\r\n\r\n--B--\r\n";
        app.send(dsn.getBytes(StandardCharsets.UTF_8), "MAILER-DAEMON@mx.example.org");
        // the bounce is applied in the transaction that stores it
        api.await("/api/messages?limit=1", p -> p.getJsonArray("items").getJsonObject(0).getString("messageId")
                .equals(id), WAIT);
    }

    private static List<String> messageIds(JsonObject c) {
        return c.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.containsKey("messageId") && !m.isNull("messageId")).map(m -> m.getString("messageId"))
                .toList();
    }

    private static JsonObject last(JsonObject c) {
        return c.getJsonArray("messages").getJsonObject(c.getJsonArray("messages").size() - 1);
    }

    private static Set<String> participants(JsonObject c) {
        return c.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("address")).collect(Collectors.toSet());
    }

    private static JsonObject participant(JsonObject c, String address) {
        return c.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("address").equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " is no participant: " + c));
    }
}
