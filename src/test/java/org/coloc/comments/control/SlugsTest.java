package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "hello-world", "2026-11-mon-billet", "-", "x1"})
    void lowerCaseLettersDigitsAndDashesAreSlugs(String slug) {
        assertNull(Slugs.problem(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Hello", "hello_world", "hello world", "é", "a/b", "a.b", "a+b", "unsubscribe",
        "moderation", "postmaster"})
    void anythingElseIsNamedWhy(String slug) {
        assertNotNull(Slugs.problem(slug), slug);
    }

    @Test
    void aHundredCharactersAtMost() {
        assertTrue(Slugs.valid("a".repeat(100)));
        assertEquals("must be at most 100 characters", Slugs.problem("a".repeat(101)));
        assertEquals("'unsubscribe' is reserved: choose another", Slugs.problem("unsubscribe"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[blog:hello-world] Bravo|hello-world",
        "Re: Re: Bravo [blog:hello-world]|hello-world",
        "[BLOG:Hello-World]|hello-world",
        "[blog: hello-world ]|hello-world",
        "[blog:bad slug] then [blog:good-one]|good-one"})
    void theTagNamesThePost(String subject, String slug) {
        assertEquals(Optional.of(slug), Slugs.fromSubject(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bravo", "[blog:]", "[blog:hello", "[blog:hello world]", "[blog:unsubscribe]",
        "blog:hello-world", "[coloc #1] hello"})
    void noTagNoPost(String subject) {
        assertFalse(Slugs.fromSubject(subject).isPresent(), subject);
    }

    @Test
    void aTagOfAnOverlongSlugIsNoTag() {
        assertFalse(Slugs.fromSubject("[blog:" + "a".repeat(101) + "]").isPresent());
        assertFalse(Slugs.fromSubject(null).isPresent());
        // only the start of a huge subject is read
        assertFalse(Slugs.fromSubject("x".repeat(2000) + "[blog:late]").isPresent());
    }
}
