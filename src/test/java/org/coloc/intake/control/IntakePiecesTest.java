package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.coloc.intake.entity.MailboxCheckpoint;
import org.junit.jupiter.api.Test;

/** The small pure pieces the intake relies on for "never lost, never twice". */
class IntakePiecesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void uidSetsCompressRuns() {
        assertEquals("1:3,5,7:8", UidSet.of(List.of(3L, 1L, 2L, 5L, 8L, 7L)));
        assertEquals("42", UidSet.of(List.of(42L)));
        assertEquals("1:2", UidSet.of(List.of(2L, 1L, 2L)));
    }

    @Test
    void rawHeadersReadFoldedFieldsWithoutParsingTheMail() {
        byte[] raw = bytes("Subject: a\r\nMessage-Id:\r\n <folded@example.org>\r\nX: y\r\n\r\nMessage-ID: <body@x>\r\n");
        assertEquals("folded@example.org", RawHeaders.messageId(raw));
        assertNull(RawHeaders.messageId(bytes("Subject: none\n\nMessage-ID: <in-body@x>\n")),
                "a Message-ID in the body is not a header");
    }

    @Test
    void sameMessageIdIsTheSameMailWhateverTheBytes() {
        String a = DedupeKey.of(bytes("Message-ID: <ABC@example.org>\r\nReceived: one\r\n\r\nx"));
        String b = DedupeKey.of(bytes("Received: two\r\nMessage-ID: <abc@example.org>\r\n\r\nx"));
        assertEquals(a, b, "a re-delivery with other trace headers is the same mail");
    }

    @Test
    void withoutMessageIdTheContentDecides() {
        String a = DedupeKey.of(bytes("Subject: x\r\n\r\nbody one"));
        String b = DedupeKey.of(bytes("Subject: x\r\n\r\nbody two"));
        assertNotEquals(a, b);
        assertEquals(a, DedupeKey.of(bytes("Subject: x\r\n\r\nbody one")));
        assertTrue(a.startsWith("sha:"));
    }

    @Test
    void veryLongMessageIdsStillFitTheUniqueKey() {
        String key = DedupeKey.of(bytes("Message-ID: <" + "x".repeat(900) + "@example.org>\r\n\r\n"));
        assertTrue(key.length() <= 120, key);
    }

    @Test
    void checkpointNeverMovesBackAndResetsOnNewUidValidity() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        MailboxCheckpoint cp = new MailboxCheckpoint("box", 7, now);
        cp.advance(7, 50, now);
        cp.advance(7, 20, now);
        assertEquals(50, cp.lastUidUnder(7));
        assertEquals(0, cp.lastUidUnder(8), "a renumbered mailbox starts over");
        cp.advance(8, 3, now);
        assertEquals(3, cp.lastUidUnder(8));
    }

    @Test
    void oversizedMailIsRejectedWithTheLimitNamed() {
        MailIntake intake = new MailIntake("coloc@localhost", 100);
        MailIntake.Result r = intake.take(bytes("Subject: big\r\n\r\n" + "x".repeat(200)));
        assertTrue(r.isRejected());
        assertTrue(r.rejection().contains("exceeds the limit of 100 bytes"), r.rejection());
    }

    @Test
    void parsedMailBecomesStorableFields() {
        MailIntake intake = new MailIntake("coloc@localhost", 1_000_000);
        MailIntake.Result r = intake.take(bytes("From: =?utf-8?q?Ren=C3=A9?= <rene@example.org>\r\nTo: coloc@localhost\r\n"
                + "Subject: VM\r\nIn-Reply-To: <p@x>\r\nReferences: <r@x> <p@x>\r\n\r\nBonjour\r\n"));
        assertFalse(r.isRejected(), r.rejection());
        assertEquals("rene@example.org", r.fields().fromAddress());
        assertEquals("René", r.fields().fromName());
        assertEquals("human", r.fields().classification());
        assertEquals("p@x", r.fields().inReplyTo());
        assertEquals("Bonjour", r.fields().text().strip());
    }

    @Test
    void ourOwnMailComingBackIsALoop() {
        MailIntake intake = new MailIntake("coloc@localhost", 1_000_000);
        MailIntake.Result r = intake.take(bytes("From: coloc@localhost\r\nSubject: Accusé\r\n\r\nx\r\n"));
        assertEquals("loop", r.fields().classification());
    }
}
