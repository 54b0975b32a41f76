package org.coloc.platform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.coloc.platform.TestClock;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    @Test
    void entriesExpireWithinSeconds() {
        TestClock clock = new TestClock();
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(5));
        cache.put("h", "backup");
        assertEquals(Optional.of("backup"), cache.get("h"));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(cache.get("h").isEmpty(), "a token revoked elsewhere works here 5 s at most");
    }

    @Test
    void clearedAtOnceAndBounded() {
        TestClock clock = new TestClock();
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(5));
        for (int i = 0; i < 10 * TokenCache.MAX; i++) {
            cache.put("h" + i, "t" + i);
        }
        assertTrue(cache.size() <= TokenCache.MAX);
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void zeroSecondsRemembersNothing() {
        TokenCache cache = new TokenCache(new TestClock(), Duration.ZERO);
        cache.put("h", "backup");
        assertTrue(cache.get("h").isEmpty());
    }
}
