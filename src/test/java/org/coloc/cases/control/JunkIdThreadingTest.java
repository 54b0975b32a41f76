package org.coloc.cases.control;

import static org.coloc.cases.control.InMemoryCases.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids that are not {@code left@right} never thread. Seen on real list mail: one archive has 37 mails, of
 * unrelated conversations, that all carry {@code References: <yes>}; threading by it made them one case.
 */
class JunkIdThreadingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final InMemoryCases cases = new InMemoryCases();

    @Test
    void unrelatedMailsSharingAJunkReferenceStayApart() {
        long first = cases.receive(mail("p1@list.example", null, List.of("yes"), "ann@a.example", "Build broken"), T0)
                .caseNumber();
        for (String junk : List.of("yes", "<yes>", " <yes> ", "yes@", "@yes", "<>")) {
            Threading.Decision d = Threading.thread(mail("p2@list.example", junk, List.of(junk), "ben@b.example",
                    "Docs typo"), cases, T0);
            assertEquals(new Threading.Decision(null, "new", false), d, junk);
        }
        assertEquals(1, cases.caseCount());
        assertEquals(first, cases.receive(mail("p3@list.example", "p1@list.example", List.of("yes"), "cy@c.example",
                "Re: Build broken"), T0).caseNumber(), "a real id next to the junk one still threads");
    }

    @Test
    void aJunkOwnMessageIdFindsNoEarlierMail() {
        cases.receive(mail("yes", null, null, "ann@a.example", "Build broken"), T0);
        assertEquals("new", Threading.thread(mail("<yes>", null, null, "ben@b.example", "Docs typo"), cases, T0).rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "<yes>", "@host", "left@", "<>"})
    void onlyLeftAtRightIsAnId(String junk) {
        assertNull(Threading.id(junk));
    }

    @ParameterizedTest
    @CsvSource({"' <a@b> ', a@b", "weird.id@host, weird.id@host"})
    void anIdIsTakenWithOrWithoutItsBrackets(String raw, String id) {
        assertEquals(id, Threading.id(raw));
    }

    @Test
    void junkIsNotLookedUp() {
        assertEquals(List.of("p1@x"), Threading.idsToLookUp(new Threading.MailFacts("yes", "no", List.of("p1@x", "maybe"),
                null, null, null)));
    }
}
