package org.coloc.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries of the outbox: growing delays, a ceiling, and a clean mark once sent. */
class OutboxMailTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private static OutboxMail mail() {
        return new OutboxMail("id@coloc.test", "reply", 4L, List.of("a@x.org", "b@x.org"), "S", "Body", "p@x",
                List.of("r@x", "p@x"), null, T0);
    }

    @Test
    void aNewMailIsDueAtOnce() {
        OutboxMail m = mail();
        assertEquals("pending", m.getStatus());
        assertEquals(T0, m.getNextAttemptAt());
        assertEquals(List.of("a@x.org", "b@x.org"), m.getTo());
        assertEquals(List.of("r@x", "p@x"), m.getReferences());
    }

    @Test
    void failuresWaitLongerEachTimeUpToTheCeiling() {
        OutboxMail m = mail();
        Duration max = Duration.ofSeconds(60);
        m.failed("down", T0, max);
        assertEquals(T0.plusSeconds(5), m.getNextAttemptAt());
        m.failed("down", T0, max);
        assertEquals(T0.plusSeconds(10), m.getNextAttemptAt());
        m.failed("down", T0, max);
        assertEquals(T0.plusSeconds(20), m.getNextAttemptAt());
        for (int i = 0; i < 30; i++) {
            m.failed("down", T0, max);
        }
        assertEquals(T0.plusSeconds(60), m.getNextAttemptAt(), "never more than the ceiling, never an overflow");
        assertEquals("pending", m.getStatus(), "nothing is ever given up");
        assertEquals(33, m.getAttempts());
    }

    @Test
    void sentClearsTheError() {
        OutboxMail m = mail();
        m.failed("down", T0, Duration.ofSeconds(60));
        m.sent(T0.plusSeconds(7));
        assertEquals("sent", m.getStatus());
        assertEquals(T0.plusSeconds(7), m.getSentAt());
        assertNull(m.getLastError());
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
}
