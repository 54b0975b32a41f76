package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformPiecesTest {

    @Test
    void passwordHashMatchesOnlyTheSecret() {
        PasswordHash hash = PasswordHash.of("correct horse".toCharArray());
        assertTrue(hash.matches("correct horse".toCharArray()));
        assertFalse(hash.matches("correct horse ".toCharArray()));
        assertFalse(hash.matches(new char[0]));
    }

    @Test
    void generatedSecretsDiffer() {
        assertFalse(PasswordHash.randomSecret().equals(PasswordHash.randomSecret()));
        assertEquals(24, PasswordHash.randomSecret().length());
    }

    @Test
    void pagingDefaultsAndLimits() {
        assertEquals(new Paging(0, Paging.DEFAULT_LIMIT), Paging.of(null, null));
        assertEquals(new Paging(10, 5), Paging.of("10", "5"));
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of("-1", "5")).problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of("0", "501")).problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of("x", "5")).problem().status());
    }

    @Test
    void badIdsAreBadRequestsNotMissingResources() {
        assertEquals(12, Ids.parse("message", "12"));
        ProblemException e = assertThrows(ProblemException.class, () -> Ids.parse("message", "12abc"));
        assertEquals(400, e.problem().status());
        assertTrue(e.getMessage().contains("12abc"));
        assertThrows(ProblemException.class, () -> Ids.parse("message", "0"));
    }
}
