package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Problem;
import org.junit.jupiter.api.Test;

class PostInputTest {

    @Test
    void aPostWithItsDefaults() {
        assertEquals(new PostInput("hello", "Hello", null, "fr", true),
                PostInput.read("hello", JsonBodies.parse("{\"title\": \" Hello \"}")));
        assertEquals(new PostInput("hello", "Hello", "https://blog.example.org/hello", "en", false),
                PostInput.read("hello", JsonBodies.parse("{\"title\": \"Hello\", \"url\": "
                        + "\"https://blog.example.org/hello\", \"language\": \"EN\", \"open\": false, "
                        + "\"commentAddress\": \"ignored\"}")));
    }

    @Test
    void aBadSlugIsNamed() {
        assertEquals(List.of("slug"), errors("Hello World", "{\"title\": \"x\"}"));
        assertEquals(List.of("slug"), errors("unsubscribe", "{\"title\": \"x\"}"));
        assertEquals(List.of("slug"), errors("a".repeat(101), "{\"title\": \"x\"}"));
    }

    @Test
    void badFieldsAreNamedTogether() {
        assertEquals(List.of("title", "url", "language", "open"), errors("ok",
                "{\"title\": \"\", \"url\": \"javascript:alert(1)\", \"language\": \"de\", \"open\": \"yes\"}"));
        assertEquals(List.of("colour"), errors("ok", "{\"title\": \"x\", \"colour\": 1}"));
    }

    private static List<String> errors(String slug, String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PostInput.read(slug, JsonBodies.parse(body)));
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }
}
