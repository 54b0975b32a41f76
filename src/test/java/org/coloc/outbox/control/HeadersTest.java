package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    @Test
    void aSubjectIsOneLineOfBoundedLength() {
        assertEquals("Hello Bcc: victim@x.org", Headers.subject("Hello\r\nBcc: victim@x.org"));
        assertEquals("a b c", Headers.subject(" a\tb\u2028c\n"));
        assertEquals("", Headers.subject(null));
        String cut = Headers.subject("é".repeat(5000));
        assertEquals(Headers.MAX_SUBJECT, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b>\r\nBcc: victim@x.org", "a b@c", "é@b", ""})
    void anIdThatCannotBeSentAsIsIsLeftOut(String id) {
        assertNull(Headers.id(id));
    }

    @Test
    void anIdIsSentWithoutBracketsUpToItsMaximumLength() {
        assertEquals("a@b", Headers.id("<a@b>"));
        assertEquals("a@b", Headers.id(" a@b "));
        assertNull(Headers.id("x".repeat(Headers.MAX_ID + 1)));
        assertEquals(Headers.MAX_ID, Headers.id("x".repeat(Headers.MAX_ID)).length());
    }

    @Test
    void longReferencesKeepTheFirstAndLastFewIds() {
        List<String> ids = IntStream.range(0, 3000).mapToObj(i -> "r" + i + "@x").toList();
        List<String> kept = Headers.references(ids);
        assertEquals(Headers.FIRST_REFERENCES + Headers.LAST_REFERENCES, kept.size());
        assertEquals(List.of("r0@x", "r1@x", "r2@x"), kept.subList(0, 3));
        assertEquals("r2983@x", kept.get(3));
        assertEquals("r2999@x", kept.get(kept.size() - 1));
    }

    @Test
    void shortReferencesStayAsTheyAreWithoutDuplicatesOrBrokenIds() {
        assertEquals(List.of("a@x", "b@x"), Headers.references(List.of("a@x", "<b@x>", "a@x", "bad id", "")));
        assertEquals(List.of(), Headers.references(null));
        assertEquals(List.of("c@x"), Headers.references(List.of("y".repeat(Headers.MAX_REFERENCE_ID + 1), "c@x")));
    }
}
