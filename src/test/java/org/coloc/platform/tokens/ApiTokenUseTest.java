package org.coloc.platform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a token was last used, as the admin's list shows it: written at most once a minute. */
class ApiTokenUseTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void theFirstUseIsNotedThenAtMostOnceAMinute() {
        ApiToken token = new ApiToken("backup", "00", T0);
        assertNull(token.getLastUsed(), "never used yet");
        assertTrue(token.used(T0.plusSeconds(5)));
        assertEquals(T0.plusSeconds(5), token.getLastUsed());
        assertFalse(token.used(T0.plusSeconds(64)), "within the minute: no write");
        assertEquals(T0.plusSeconds(5), token.getLastUsed());
        assertTrue(token.used(T0.plusSeconds(65)), "a minute later: noted again");
        assertEquals(T0.plusSeconds(65), token.getLastUsed());
    }
}
