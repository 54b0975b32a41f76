package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @Test
    void theETagIsTheQuotedVersion() {
        assertEquals("\"3\"", ETags.of(3));
        assertEquals("\"0\"", ETags.of(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "*", " * ", "\"3\"", " \"3\" ", "W/\"3\"", "\"1\", \"3\"", "\"1\",W/\"3\",\"7\""})
    void currentOrAbsentOrAnyTagPasses(String ifMatch) {
        assertDoesNotThrow(() -> ETags.check(ifMatch, 3));
    }

    @Test
    void noIfMatchPasses() {
        assertDoesNotThrow(() -> ETags.check(null, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "\"4\"", "\"33\"", "3", "\"3", "W/\"2\"", "\"1\", \"2\"", "\"03\"", "w/\"3\"",
            "\"*\""})
    void staleOrMalformedTagIsPreconditionFailed(String ifMatch) {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.check(ifMatch, 3));
        assertEquals(412, e.problem().status());
        assertEquals("Precondition Failed", e.problem().title());
        assertEquals("The record changed since you read it (current ETag \"3\"); read it again and retry.",
                e.problem().detail());
    }
}
