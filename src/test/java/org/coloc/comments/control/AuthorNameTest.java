package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Alice Martin|fr|Alice Martin",
        "'  Alice   Martin  '|en|Alice Martin",
        "\"Bob\"|en|Bob",
        "NULL|fr|Anonyme",
        "NULL|en|Anonymous",
        "'   '|en|Anonymous",
        "alice@example.org|fr|Anonyme",
        "'Alice (alice@example.org)'|en|Anonymous",
        "Zoé Ørsted|fr|Zoé Ørsted"})
    void theDisplayNameElseAnonymousNeverTheAddress(String displayName, String language, String shown) {
        assertEquals(shown, AuthorName.of(displayName, language));
    }

    @Test
    void controlAndInvisibleCharactersAreRemoved() {
        assertEquals("Alice Evil", AuthorName.of("Alice\r\nEvil\u0000", "fr"));
        // a right-to-left override would reverse the page around the name
        assertEquals("Alicegnp.exe", AuthorName.of("Alice\u202egnp.exe", "fr"));
        assertEquals("Ann 😀", AuthorName.of("Ann \uD83D\uDE00", "fr"));
        assertEquals("Anonyme", AuthorName.of("\u200b\u202e", "fr"));
    }

    @Test
    void boundedToAHundredCharacters() {
        String shown = AuthorName.of("A".repeat(5000), "fr");
        assertEquals(100, shown.length());
        assertEquals('…', shown.charAt(99));
    }

    @Test
    void anAtBetweenSpacesIsNoAddress() {
        assertEquals("Bob @ home", AuthorName.clean("Bob @ home"));
        assertNull(AuthorName.clean("bob@home"));
    }
}
