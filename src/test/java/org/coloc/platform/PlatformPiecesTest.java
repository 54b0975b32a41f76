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
    void hugeOffsetsAreRefusedNotOverflowed() {
        assertEquals(new Paging(Paging.MAX_OFFSET, 500), Paging.of(Integer.toString(Paging.MAX_OFFSET), "500"));
        for (String huge : new String[] {"99999999999", "2147483647", "10000001", "9".repeat(5000), "-99999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(huge, "50"), huge);
            assertEquals(400, e.problem().status());
            assertTrue(e.getMessage().length() < 200, "the answer does not echo a huge parameter");
        }
        assertEquals(400, assertThrows(ProblemException.class, () -> Paging.of("0", "99999999999")).problem().status());
    }

    @Test
    void writesMustDeclareJson() {
        assertTrue(JsonWritesOnly.isJson(new jakarta.ws.rs.core.MediaType("application", "json", "UTF-8")));
        assertTrue(JsonWritesOnly.isJson(new jakarta.ws.rs.core.MediaType("application", "merge-patch+json")));
        assertFalse(JsonWritesOnly.isJson(new jakarta.ws.rs.core.MediaType("application", "x-www-form-urlencoded")));
        assertFalse(JsonWritesOnly.isJson(new jakarta.ws.rs.core.MediaType("text", "plain")));
        assertFalse(JsonWritesOnly.isJson(new jakarta.ws.rs.core.MediaType("multipart", "form-data")));
        assertFalse(JsonWritesOnly.isJson(null));
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
