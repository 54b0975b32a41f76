package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void anIdThatCannotBeSentAsIsIsLeftOut() {
        assertEquals("a@b", Headers.id("<a@b>"));
        assertEquals("a@b", Headers.id(" a@b "));
        assertNull(Headers.id("a@b>\r\nBcc: victim@x.org"));
        assertNull(Headers.id("a b@c"));
        assertNull(Headers.id("é@b"));
        assertNull(Headers.id(""));
        assertNull(Headers.id("x".repeat(Headers.MAX_ID + 1)));
        assertEquals(Headers.MAX_ID, Headers.id("x".repeat(Headers.MAX_ID)).length());
    }

    @Test
    void longReferencesKeepTheFirstAndLastFewIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ids.add("r" + i + "@x");
        }
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
