package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The MIME message the outbox sends: no header line over 998 characters, no header from outside. */
class SmtpSenderTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static String written(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertEveryLineFits(String raw) {
        for (String line : raw.split("\r\n")) {
            assertTrue(line.length() <= 998, "a line of " + line.length() + " characters: "
                    + line.substring(0, Math.min(120, line.length())));
        }
    }

    @Test
    void anAcknowledgementToAMailWith3000ReferencesHasNoLineOver998Characters() throws Exception {
        List<String> refs = IntStream.range(0, 3000).mapToObj(i -> "reference-" + i + "@mail.example.org").toList();
        List<String> to = IntStream.range(0, 150).mapToObj(i -> "participant-" + i + "@example.org").toList();
        MimeMessage m = SmtpSender.message(SESSION, new OutgoingMail("ack-1@coloc.test", to,
                "[coloc #1] Re: " + "Très long sujet ".repeat(300), "x".repeat(5000), "reference-2999@mail.example.org",
                refs, "auto-replied"), to, "coloc@coloc.test");
        String raw = written(m);
        assertEveryLineFits(raw);
        MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        String references = read.getHeader("References", " ");
        assertTrue(references.startsWith("<reference-0@mail.example.org>"), references);
        assertTrue(references.endsWith("<reference-2999@mail.example.org>"), references);
        assertEquals(150, read.getRecipients(Message.RecipientType.TO).length);
        assertEquals("<ack-1@coloc.test>", read.getMessageID());
        assertTrue(read.getSubject().length() <= Headers.MAX_SUBJECT, read.getSubject());
        assertEquals("x".repeat(5000), ((String) read.getContent()).strip(), "a long body line is encoded, not cut");
    }

    @Test
    void noOutsideValuePutsALineBreakIntoAHeader() throws Exception {
        MimeMessage m = SmtpSender.message(SESSION, new OutgoingMail("id-1@coloc.test", List.of("a@x.org"),
                "Hello\r\nBcc: victim@evil.example", "Body", "p@x>\r\nBcc: victim@evil.example",
                List.of("r@x\r\nX-Evil: 1", "ok@x"), null), List.of("a@x.org"), "coloc@coloc.test");
        String raw = written(m);
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertFalse(head.contains("\r\nBcc:"), head);
        assertFalse(head.contains("\r\nX-Evil:"), head);
        assertEquals(null, m.getHeader("In-Reply-To"), "an id that is not one is left out");
        assertEquals("<ok@x>", m.getHeader("References", " "));
    }

    @Test
    void aQuotedCommaStaysOneAddress() throws Exception {
        MimeMessage m = SmtpSender.message(SESSION, new OutgoingMail(List.of("\"a,b\"@x.example"), "S", "B"),
                List.of("\"a,b\"@x.example"), "coloc@coloc.test");
        assertEquals(1, m.getAllRecipients().length);
        assertEquals("\"a,b\"@x.example", ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
    }
    @Test
    void extraHeadersAreFoldedAndACalendarMakesTheMailAnAlternativeOfTextAndInvitationPlusTheInviteAttached() throws Exception {
        String longUri = "https://coloc.test/api/unsubscribe/" + "a-rather-long-token-".repeat(40);
        MimeMessage m = SmtpSender.message(SESSION, new OutgoingMail("n-1@coloc.test", List.of("a@x.org"), "Notice",
                "Text", null, List.of(), null, List.of(new ExtraHeader("List-Unsubscribe",
                        "<mailto:u@coloc.test>, <" + longUri + ">"), new ExtraHeader("List-Unsubscribe-Post",
                                ExtraHeader.ONE_CLICK)),
                new CalendarPart(CalendarPart.Method.REQUEST, CalendarPartTest.ICS)), List.of("a@x.org"),
                "coloc@coloc.test");
        String raw = written(m);
        assertEveryLineFits(raw);
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertTrue(head.contains("List-Unsubscribe: <mailto:u@coloc.test>,\r\n <https://"), "folded: " + head);
        MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertEquals("<mailto:u@coloc.test>, <" + longUri + ">", read.getHeader("List-Unsubscribe", null)
                .replaceAll("\r\n\\s+", " "));
        assertEquals("List-Unsubscribe=One-Click", read.getHeader("List-Unsubscribe-Post", null));
        // issue 10: the alternative of text and invitation, and the invitation once more as invite.ics
        assertTrue(read.isMimeType("multipart/mixed"), read.getContentType());
        jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) read.getContent();
        assertEquals(2, mixed.getCount());
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"), mixed.getBodyPart(0).getContentType());
        assertEquals("invite.ics", mixed.getBodyPart(1).getFileName());
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mixed.getBodyPart(0)
                .getContent();
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/calendar; method=REQUEST; charset=UTF-8"),
                parts.getBodyPart(1).getContentType());
    }

    @Test
    void withoutCalendarTheMailStaysOnePlainTextPart() throws Exception {
        MimeMessage m = SmtpSender.message(SESSION, new OutgoingMail(List.of("a@x.org"), "S", "B"), List.of("a@x.org"),
                "coloc@coloc.test");
        assertTrue(m.isMimeType("text/plain"), m.getContentType());
        assertEquals(null, m.getHeader("List-Unsubscribe"));
    }
}
