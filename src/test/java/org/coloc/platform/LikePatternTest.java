package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void wildcardsAndTheEscapeCharacterTypedByTheUserMatchOnlyThemselves() {
        assertEquals("%\\%%", LikePattern.containing("%"));
        assertEquals("%a\\_b%", LikePattern.containing(" A_b "));
        assertEquals("%c:\\\\x%", LikePattern.containing("C:\\x"));
    }
}
