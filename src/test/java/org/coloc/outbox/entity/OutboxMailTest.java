package org.coloc.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.coloc.outbox.control.CalendarPart;
import org.coloc.outbox.control.ExtraHeader;
import org.junit.jupiter.api.Test;

/** Retries of the outbox: growing delays, a ceiling, giving up, per-recipient fates, bounded columns. */
class OutboxMailTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Duration GIVE_UP = Duration.ofDays(5);

    private static OutboxMail mail() {
        return new OutboxMail("id@coloc.test", OutboxKind.REPLY, 4L, List.of("a@x.org", "b@x.org"), "S", "Body", "p@x",
                List.of("r@x", "p@x"), null, T0);
    }

    private static List<OutboxRecipient> recipients(String... addresses) {
        List<OutboxRecipient> out = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            out.add(new OutboxRecipient(1L, i, addresses[i]));
        }
        return out;
    }

    @Test
    void aNewMailIsDueAtOnce() {
        OutboxMail m = mail();
        assertEquals(OutboxStatus.QUEUED, m.getStatus());
        assertEquals(T0, m.getNextAttemptAt());
        assertEquals(List.of("a@x.org", "b@x.org"), m.legacyRecipients());
        assertEquals(List.of("r@x", "p@x"), m.getReferences());
    }

    @Test
    void failuresWaitLongerEachTimeUpToTheCeiling() {
        OutboxMail m = mail();
        List<OutboxRecipient> to = recipients("a@x.org");
        Duration max = Duration.ofSeconds(60);
        to.get(0).deferred("down");
        m.attempted(to, T0, max, GIVE_UP);
        assertEquals(T0.plusSeconds(5), m.getNextAttemptAt());
        m.attempted(to, T0, max, GIVE_UP);
        assertEquals(T0.plusSeconds(10), m.getNextAttemptAt());
        m.attempted(to, T0, max, GIVE_UP);
        assertEquals(T0.plusSeconds(20), m.getNextAttemptAt());
        for (int i = 0; i < 30; i++) {
            m.attempted(to, T0, max, GIVE_UP);
        }
        assertEquals(T0.plusSeconds(60), m.getNextAttemptAt(), "never more than the ceiling, never an overflow");
        assertEquals(OutboxStatus.QUEUED, m.getStatus(), "nothing is given up before the give-up time");
        assertEquals(33, m.getAttempts());
        assertEquals("a@x.org: down", m.getLastError());
    }

    @Test
    void temporaryFailuresEndAsFailedOnceTheGiveUpTimeHasPassed() {
        OutboxMail m = mail();
        List<OutboxRecipient> to = recipients("a@x.org");
        to.get(0).deferred("421 try later");
        m.attempted(to, T0.plus(GIVE_UP).minusSeconds(1), Duration.ofSeconds(60), GIVE_UP);
        assertEquals(OutboxStatus.QUEUED, m.getStatus());
        m.attempted(to, T0.plus(GIVE_UP), Duration.ofSeconds(60), GIVE_UP);
        assertEquals(OutboxStatus.FAILED, m.getStatus());
        assertEquals(OutboxRecipient.FAILED, to.get(0).getStatus());
        assertTrue(m.getLastError().contains("gave up after PT120H") && m.getLastError().contains("421 try later"),
                m.getLastError());
        assertNull(m.getSentAt());
    }

    @Test
    void aRefusalForGoodEndsTheMailAtOnce() {
        OutboxMail m = mail();
        List<OutboxRecipient> to = recipients("a..b@x.org");
        to.get(0).failed("malformed address: Local address contains dot-dot");
        m.attempted(to, T0, Duration.ofSeconds(60), GIVE_UP);
        assertEquals(OutboxStatus.FAILED, m.getStatus());
        assertEquals(1, m.getAttempts());
        assertTrue(m.getLastError().startsWith("a..b@x.org: malformed address"), m.getLastError());
    }

    @Test
    void oneRefusedRecipientNeitherStopsNorHidesTheOthers() {
        OutboxMail m = mail();
        List<OutboxRecipient> to = recipients("a@x.org", "nobody@x.org", "c@x.org");
        to.get(0).sent();
        to.get(1).failed("550 no such user");
        to.get(2).deferred("451 greylisted");
        m.attempted(to, T0, Duration.ofSeconds(60), GIVE_UP);
        assertEquals(OutboxStatus.QUEUED, m.getStatus(), "c@x.org is tried again");
        to.get(2).sent();
        m.attempted(to, T0.plusSeconds(5), Duration.ofSeconds(60), GIVE_UP);
        assertEquals(OutboxStatus.SENT, m.getStatus());
        assertEquals(T0.plusSeconds(5), m.getSentAt());
        assertEquals("nobody@x.org: 550 no such user", m.getLastError(), "what failed stays visible");
    }

    @Test
    void theAdminsRetryTriesRefusedAddressesAgain() {
        List<OutboxRecipient> to = recipients("a@x.org", "b@x.org");
        to.get(0).sent();
        to.get(1).failed("550");
        OutboxMail.retry(to);
        assertEquals(OutboxRecipient.SENT, to.get(0).getStatus(), "who got it does not get it twice");
        assertTrue(to.get(1).isPending());
        assertNull(to.get(1).getError());
    }

    @Test
    void theRateLimitKeyIsTheFirstRecipientLowercasedAndNeverEmptyForALongAddress() {
        assertEquals("a@x.org", mail().getFirstRecipient());
        assertEquals("ana@example.org", OutboxMail.firstRecipient(List.of("Ana@Example.ORG", "b@x.org")));
        String huge = "x".repeat(400) + "@example.org";
        assertEquals(huge.substring(0, 254), OutboxMail.firstRecipient(List.of(huge)),
                "an address longer than SMTP allows is still counted, cut to the column");
        assertNull(OutboxMail.firstRecipient(List.of()));
    }

    @Test
    void everyColumnStaysWithinItsLengthWhateverCameFromOutside() {
        List<String> many = IntStream.range(0, 150).mapToObj(i -> "participant-" + i + "@example.org").toList();
        List<String> refs = IntStream.range(0, 3000).mapToObj(i -> "ref-" + i + "@example.org").toList();
        OutboxMail m = new OutboxMail("x".repeat(600) + "@coloc.test", OutboxKind.REPLY, 1L, many, "S".repeat(5000), "B",
                "i".repeat(1500), refs, null, T0);
        assertTrue(m.getToSummary().length() <= OutboxMail.MAX_TO_SUMMARY);
        assertTrue(m.getMessageId().length() <= OutboxMail.MAX_MESSAGE_ID);
        assertEquals(OutboxMail.messageKey("x".repeat(600) + "@coloc.test"), m.getMessageId());
        assertTrue(m.getSubject().length() <= OutboxMail.MAX_SUBJECT);
        assertTrue(m.getInReplyTo().length() <= OutboxMail.MAX_IN_REPLY_TO);
        assertTrue(String.join(" ", m.getReferences()).length() <= OutboxMail.MAX_REFERENCES);
        assertEquals("ref-0@example.org", m.getReferences().get(0), "the thread's start is kept");
        assertEquals("ref-2999@example.org", m.getReferences().get(m.getReferences().size() - 1), "and its end");
        OutboxRecipient huge = new OutboxRecipient(1L, 0, "y".repeat(1000) + "@example.org");
        assertTrue(huge.getAddress().length() <= OutboxRecipient.MAX_ADDRESS);
        huge.failed("e".repeat(5000));
        assertTrue(huge.getError().length() <= OutboxRecipient.MAX_ERROR);
        List<OutboxRecipient> failing = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            OutboxRecipient r = new OutboxRecipient(1L, i, "participant-" + i + "@example.org");
            r.failed("550 5.1.1 user unknown, and a long explanation from the server about why");
            failing.add(r);
        }
        m.attempted(failing, T0, Duration.ofSeconds(60), GIVE_UP);
        assertTrue(m.getLastError().length() <= OutboxMail.MAX_ERROR);
    }

    @Test
    void statusesReadRowsWrittenBeforeTheyHadTheirCurrentNames() {
        assertEquals(OutboxStatus.QUEUED, OutboxStatus.fromLabel("pending"));
        assertEquals(OutboxStatus.DROPPED, OutboxStatus.fromLabel("dropped"));
    }
    @Test
    void extraHeadersAndTheCalendarPartAreKeptWithTheMail() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n";
        List<ExtraHeader> headers = ExtraHeader.unsubscribe("mailto:u@coloc.test", "https://coloc.test/u/1");
        OutboxMail m = new OutboxMail("n@coloc.test", OutboxKind.NOTICE, null, List.of("a@x.org"), "S", "B", null,
                List.of(), null, headers, new CalendarPart(CalendarPart.Method.PUBLISH, ics), T0);
        assertEquals(headers, m.getHeaders());
        assertEquals(new CalendarPart(CalendarPart.Method.PUBLISH, ics), m.getCalendar());
        assertEquals(OutboxKind.NOTICE, m.getKind());
        OutboxMail plain = mail();
        assertEquals(List.of(), plain.getHeaders());
        assertNull(plain.getCalendar());
    }
}
