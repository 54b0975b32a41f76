package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedTest {

    @Test
    void shortValuesAreUnchanged() {
        assertEquals("<a@b>", Bounded.key("<a@b>", 255));
        assertEquals("Bonjour", Bounded.text("Bonjour", 10));
        assertNull(Bounded.key(null, 255));
        assertNull(Bounded.text(null, 10));
    }

    @Test
    void longKeysFitStayDistinctAndRepeat() {
        String a = "<" + "x".repeat(1200) + "a@example.org>";
        String b = "<" + "x".repeat(1200) + "b@example.org>";
        String ka = Bounded.key(a, 255);
        assertEquals(255, ka.length());
        assertTrue(ka.startsWith("<xxx"));
        assertNotEquals(ka, Bounded.key(b, 255));
        assertEquals(ka, Bounded.key(a, 255));
    }

    @Test
    void textIsCutWithAnEllipsisAndNeverSplitsASurrogatePair() {
        String cut = Bounded.text("é".repeat(50), 10);
        assertEquals(10, cut.length());
        assertTrue(cut.endsWith("…"));
        String emoji = "ab" + "😀".repeat(10);
        String cutEmoji = Bounded.text(emoji, 4);
        assertTrue(cutEmoji.length() <= 4);
        for (int i = 0; i < cutEmoji.length(); i++) {
            char c = cutEmoji.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < cutEmoji.length() && Character.isLowSurrogate(cutEmoji.charAt(i + 1)));
            }
        }
    }
}
