package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.coloc.platform.LoginThrottle.Kind;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(5, 12, Duration.ofSeconds(60), 100), clock);

    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            assertFalse(throttle.check(client, Kind.PASSWORD).refused(), client + " refused at failure " + (i + 1));
            throttle.failed(client);
        }
    }

    @Test
    void aClientIsRefusedAfterItsLimitUntilItsWindowEnds() {
        fail("203.0.113.7", 5);
        LoginThrottle.Verdict v = throttle.check("203.0.113.7", Kind.PASSWORD);
        assertTrue(v.refused());
        assertFalse(v.overall());
        assertEquals(60, v.retryAfterSeconds());
        assertTrue(throttle.check("203.0.113.7", Kind.TOKEN).refused(), "tokens from a guesser are refused too");

        clock.advance(Duration.ofSeconds(45));
        assertEquals(15, throttle.check("203.0.113.7", Kind.PASSWORD).retryAfterSeconds());
        clock.advance(Duration.ofMillis(14_500));
        assertEquals(1, throttle.check("203.0.113.7", Kind.PASSWORD).retryAfterSeconds(), "rounded up, never 0");
        clock.advance(Duration.ofMillis(500));
        assertFalse(throttle.check("203.0.113.7", Kind.PASSWORD).refused());
    }

    @Test
    void anotherClientIsNotHeldBackByAGuesser() {
        fail("203.0.113.7", 5);
        assertFalse(throttle.check("198.51.100.1", Kind.PASSWORD).refused());
    }

    @Test
    void aSuccessForgetsTheClientsFailures() {
        fail("198.51.100.1", 4);
        throttle.succeeded("198.51.100.1");
        fail("198.51.100.1", 4);
        assertFalse(throttle.check("198.51.100.1", Kind.PASSWORD).refused());
        assertEquals(5, throttle.failed("198.51.100.1").clientFailures());
        assertTrue(throttle.check("198.51.100.1", Kind.PASSWORD).refused());
    }

    @Test
    void theOverallLimitRefusesPasswordsForEverybodyButNotTokens() {
        fail("192.0.2.1", 4);
        fail("192.0.2.2", 4);
        fail("192.0.2.3", 3);
        LoginThrottle.Failure twelfth = throttle.failed("192.0.2.4");
        assertTrue(twelfth.overallLimitReached());
        assertTrue(twelfth.logIt());

        LoginThrottle.Verdict v = throttle.check("198.51.100.1", Kind.PASSWORD);
        assertTrue(v.refused(), "a client without failures is refused too: the server's budget is spent");
        assertTrue(v.overall());
        assertFalse(throttle.check("198.51.100.1", Kind.TOKEN).refused(), "a token costs no PBKDF2 and cannot be guessed");

        clock.advance(Duration.ofSeconds(60));
        assertFalse(throttle.check("198.51.100.1", Kind.PASSWORD).refused());
    }

    @Test
    void failuresBeyondTheOverallLimitAreCountedNotLoggedOneByOne() {
        LoginThrottle t = new LoginThrottle(new LoginThrottle.Limits(5, 3, Duration.ofSeconds(60), 100), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(t.failed("192.0.2." + i).logIt());
        }
        // token failures still reach the counter once passwords are refused
        assertFalse(t.failed("192.0.2.9").logIt());
        assertFalse(t.failed("192.0.2.10").logIt());
        clock.advance(Duration.ofSeconds(61));
        LoginThrottle.Failure next = t.failed("192.0.2.11");
        assertTrue(next.logIt());
        assertEquals(2, next.unloggedBefore());
        assertEquals(1, next.overallFailures());
    }

    @Test
    void theClientTableStaysBounded() {
        LoginThrottle t = new LoginThrottle(new LoginThrottle.Limits(5, 1_000_000, Duration.ofSeconds(60), 100), clock);
        for (int i = 0; i < 10_000; i++) {
            t.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertEquals(100, t.clientsRemembered());
    }

    @Test
    void aBurstOfParallelGuessesCountsBeforeItsAnswers() {
        fail("203.0.113.7", 1);
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.check("203.0.113.7", Kind.PASSWORD).refused());
        }
        assertTrue(throttle.check("203.0.113.7", Kind.PASSWORD).refused(), "four guesses are still being hashed");
        throttle.abandoned("203.0.113.7");
        assertFalse(throttle.check("203.0.113.7", Kind.PASSWORD).refused(), "an attempt that ended in an error frees its place");
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.7");
        }
        assertTrue(throttle.check("203.0.113.7", Kind.PASSWORD).refused());
        assertEquals(60, throttle.check("203.0.113.7", Kind.PASSWORD).retryAfterSeconds());
    }

    @Test
    void aScriptSendingManyRequestsAtOnceIsNotHeldBack() {
        for (int i = 0; i < 50; i++) {
            assertFalse(throttle.check("127.0.0.1", Kind.TOKEN).refused());
        }
        for (int i = 0; i < 50; i++) {
            throttle.succeeded("127.0.0.1");
        }
        assertEquals(0, throttle.clientsRemembered());
    }

    @Test
    void successfulClientsAreNotKept() {
        assertFalse(throttle.check("198.51.100.1", Kind.PASSWORD).refused());
        throttle.succeeded("198.51.100.1");
        assertFalse(throttle.check("198.51.100.2", Kind.TOKEN).refused());
        throttle.abandoned("198.51.100.2");
        assertEquals(0, throttle.clientsRemembered());
    }

    @Test
    void theLimitIsReportedOnceWhenReached() {
        for (int i = 1; i <= 4; i++) {
            assertFalse(throttle.failed("192.0.2.1").clientLimitReached());
        }
        assertTrue(throttle.failed("192.0.2.1").clientLimitReached());
    }
}
