package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.outbox.entity.OutboxMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The path of an outgoing mail without the database: a caller's request composed, stored in an outbox row and
 * read back as the sender reads it, sent over SMTP by the real client to GreenMail, and read there as a mail
 * client would: every recipient got it, with our headers, the extra ones, and the calendar part (as the
 * alternative of the text and attached as {@code invite.ics}).
 */
class GreenMailDeliveryTest {

    private static final String FROM = "coloc@coloc.test";
    private static final OutgoingIds IDS = new OutgoingIds("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII),
            "coloc.test");
    private GreenMail mailServer;

    @BeforeEach
    void start() {
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
    }

    @AfterEach
    void stop() {
        mailServer.stop();
    }

    /** Composed, stored as a row, read back as {@code OutboxRows.pending} does, then sent. */
    private Map<String, Delivery.Outcome> send(NewMail request) throws Exception {
        OutgoingMail composed = Composer.compose(request, IDS, "coloc.test");
        OutboxMail row = new OutboxMail(composed.messageId(), request.kind(), request.caseNumber(), composed.to(),
                composed.subject(), composed.text(), composed.inReplyTo(), composed.references(),
                composed.autoSubmitted(), composed.headers(), composed.calendar(), Instant.now());
        OutgoingMail pending = new OutgoingMail(row.getMessageId(), composed.to(), row.getSubject(), row.getBody(),
                row.getInReplyTo(), row.getReferences(), row.getAutoSubmitted(), row.getHeaders(), row.getCalendar());
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(mailServer.getSmtp().getPort()));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
        return SmtpSender.send(props, "smtp", null, null, pending, FROM);
    }

    /** The copy in this recipient's own mailbox. */
    private MimeMessage receivedBy(String address) {
        List<MimeMessage> got = mailServer.findReceivedMessages(u -> u.getEmail().equals(address), m -> true).toList();
        assertEquals(1, got.size(), "one copy for " + address);
        return got.get(0);
    }

    @Test
    void aMailWithUnsubscribeHeadersReachesEveryRecipientIntact() throws Exception {
        NewMail notification = NewMail.written(OutboxKind.COMMENT_NOTIFICATION,
                List.of("ana@example.org", "bob@example.org"), "Nouveau commentaire sur « L'hôte h1 »",
                "Un lecteur a répondu.\n")
                .withHeaders(ExtraHeader.unsubscribe("mailto:unsubscribe@coloc.test?subject=notices",
                        "https://coloc.test/api/unsubscribe/" + "t".repeat(120))).aboutComment(7);

        Map<String, Delivery.Outcome> outcomes = send(notification);

        assertEquals(Delivery.Result.SENT, outcomes.get("ana@example.org").result(), outcomes.toString());
        assertEquals(Delivery.Result.SENT, outcomes.get("bob@example.org").result(), outcomes.toString());
        assertEquals(2, mailServer.getReceivedMessages().length);
        for (String to : List.of("ana@example.org", "bob@example.org")) {
            MimeMessage m = receivedBy(to);
            assertEquals("Nouveau commentaire sur « L'hôte h1 »", m.getSubject());
            assertEquals(FROM, ((InternetAddress) m.getFrom()[0]).getAddress());
            assertEquals(2, m.getRecipients(Message.RecipientType.TO).length, "both addressed openly");
            assertEquals("<mailto:unsubscribe@coloc.test?subject=notices>, <https://coloc.test/api/unsubscribe/"
                    + "t".repeat(120) + ">", m.getHeader("List-Unsubscribe", null).replaceAll("\r\n\\s+", " "),
                    "unfolded, the value is the one queued");
            assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
            assertEquals(FROM, m.getHeader("X-Coloc-Loop", null));
            assertTrue(m.isMimeType("text/plain"), "no calendar, one text part as ever: " + m.getContentType());
            // the final line break of a one-part mail is the end of the DATA, not of the text
            assertEquals("Un lecteur a répondu.", ((String) m.getContent()).strip());
        }
    }

    /**
     * A maintenance notice as a member's mail client gets it: keyed to its maintenance and member, in the thread of
     * the announcement, automatic, no unsubscription, and the invitation twice: as the calendar alternative of the
     * text (iMIP clients show an event) and as {@code invite.ics} (the others show a file to open).
     */
    @Test
    void aNoticeWithAnInvitationArrivesThreadedAsAnAlternativeAndAnAttachment() throws Exception {
        String announcement = IDS.createNotice(7, 3);
        NewMail notice = NewMail.written(OutboxKind.NOTICE, List.of("ana@example.org"),
                "Maintenance de l'hôte h1 : nouvel horaire", "Dimanche de 1 h 30 à 3 h 30, les VM de h1 seront arrêtées.\n")
                .aboutNotice(7, 3).inThread(announcement, List.of(announcement))
                .withCalendar(new CalendarPart(CalendarPart.Method.REQUEST, CalendarPartTest.ICS));

        Map<String, Delivery.Outcome> outcomes = send(notice);

        assertEquals(Delivery.Result.SENT, outcomes.get("ana@example.org").result(), outcomes.toString());
        MimeMessage m = receivedBy("ana@example.org");
        assertEquals("Maintenance de l'hôte h1 : nouvel horaire", m.getSubject(), "no case tag");
        assertEquals(java.util.Optional.of(new NewMail.NoticeThread(7, 3)), IDS.noticeOf(m.getMessageID()));
        assertEquals("<" + announcement + ">", m.getHeader("In-Reply-To", null));
        assertEquals("<" + announcement + ">", m.getHeader("References", null));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertNull(m.getHeader("List-Unsubscribe"), "a service mail");
        assertNull(m.getHeader("List-Unsubscribe-Post"));

        assertTrue(new ContentType(m.getContentType()).match("multipart/mixed"), m.getContentType());
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertEquals(2, mixed.getCount());
        BodyPart first = mixed.getBodyPart(0);
        assertTrue(first.isMimeType("multipart/alternative"), first.getContentType());
        MimeMultipart alternative = (MimeMultipart) first.getContent();
        assertEquals(2, alternative.getCount());
        BodyPart text = alternative.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertEquals("Dimanche de 1 h 30 à 3 h 30, les VM de h1 seront arrêtées.\n",
                ((String) text.getContent()).replace("\r\n", "\n"));
        BodyPart calendar = alternative.getBodyPart(1);
        ContentType type = new ContentType(calendar.getContentType());
        assertTrue(type.match("text/calendar"), calendar.getContentType());
        assertEquals("REQUEST", type.getParameter("method"));
        assertEquals("UTF-8", type.getParameter("charset"));
        assertEquals(CalendarPartTest.ICS, new String(calendar.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8), "the calendar object byte for byte, CRLF and accents included");

        BodyPart attached = mixed.getBodyPart(1);
        assertTrue(new ContentType(attached.getContentType()).match("application/ics"), attached.getContentType());
        assertEquals(BodyPart.ATTACHMENT, attached.getDisposition());
        assertEquals("invite.ics", attached.getFileName());
        assertEquals(CalendarPartTest.ICS, new String(attached.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                "the same object, byte for byte");
    }

    @Test
    void anAcknowledgementArrivesTaggedThreadedAndMarkedAutomatic() throws Exception {
        NewMail ack = NewMail.template(OutboxKind.ACKNOWLEDGEMENT, List.of("ana@example.org"), "case-acknowledgement",
                "fr", Map.of()).aboutCase(12, "Ma VM ne démarre plus")
                .inThread("req-1@example.org", List.of("req-0@example.org", "req-1@example.org"));

        send(ack);

        MimeMessage m = receivedBy("ana@example.org");
        assertEquals("[coloc #12] Re: Ma VM ne démarre plus", m.getSubject());
        assertEquals(12L, IDS.caseOf(m.getMessageID()), "our keyed Message-ID, kept as chosen");
        assertEquals("<req-1@example.org>", m.getHeader("In-Reply-To", null));
        assertEquals("<req-0@example.org> <req-1@example.org>", m.getHeader("References", null));
        assertEquals("auto-replied", m.getHeader("Auto-Submitted", null));
        assertEquals("All", m.getHeader("X-Auto-Response-Suppress", null));
        assertNull(m.getHeader("List-Unsubscribe"));
        assertTrue(m.isMimeType("text/plain"), m.getContentType());
        assertTrue(((String) m.getContent()).contains("suivi sous le numéro #12"));
    }
}
