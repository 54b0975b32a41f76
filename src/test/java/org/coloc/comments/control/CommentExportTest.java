package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Problem;
import org.junit.jupiter.api.Test;

class CommentExportTest {

    static final Instant T = Instant.parse("2026-11-28T12:00:00Z");

    static CommentExport sample() {
        return new CommentExport(1, List.of(
                new CommentExport.PostData("hello-world", "Hello, world", "https://blog.example.org/hello", "en", true,
                        false, T),
                new CommentExport.PostData("made-by-mail", "made-by-mail", null, "fr", false, true, T)),
                List.of(
                        // a reply listed before its parent: the import still creates the parent first
                        new CommentExport.CommentData("12", "hello-world", "10", "pending", "Bob", "bob@b.example",
                                "en", "I disagree.", "b1@b.example", T.plusSeconds(60), null, true, "rate-limit"),
                        new CommentExport.CommentData("10", "hello-world", null, "published", "Alice",
                                "alice@a.example", "en", "Nice post.", "a1@a.example", T, T.plusSeconds(30), false,
                                null),
                        new CommentExport.CommentData("11", "made-by-mail", null, "spam", "Anonyme", null, "fr",
                                "Buy now", null, T, null, false, "unknown-post")));
    }

    @Test
    void whatTheExportWritesTheImportReadsBack() {
        CommentExport read = CommentExport.read(JsonBodies.parse(JsonBodies.toText(sample())));
        assertEquals(sample().posts(), read.posts());
        assertEquals(sample().comments().stream().collect(Collectors.toSet()),
                read.comments().stream().collect(Collectors.toSet()));
        assertEquals(List.of("10", "11", "12"), read.comments().stream().map(CommentExport.CommentData::ref).sorted()
                .toList());
        assertTrue(refs(read).indexOf("10") < refs(read).indexOf("12"), "parents first: " + refs(read));
    }

    private static List<String> refs(CommentExport e) {
        return e.comments().stream().map(CommentExport.CommentData::ref).toList();
    }

    @Test
    void everyBadFieldIsNamedByItsPath() {
        String body = """
                {"posts": [{"slug": "Bad Slug", "title": ""}, {"slug": "ok", "title": "OK", "language": "de"}],
                 "comments": [{"ref": "1", "post": "ok", "state": "deleted", "authorName": "A", "text": "t",
                               "receivedAt": "yesterday"},
                              {"ref": "2", "post": "ok", "authorName": "B", "text": "t", "receivedAt": "2026-11-28T12:00:00Z",
                               "colour": "red"}]}
                """;
        List<String> fields = errors(body);
        assertEquals(List.of("posts[0].slug", "posts[0].title", "posts[1].language", "comments[0].state",
                "comments[0].receivedAt", "comments[1].colour"), fields);
    }

    @Test
    void linksAreChecked() {
        String body = """
                {"posts": [{"slug": "a", "title": "A"}, {"slug": "a", "title": "A again"}, {"slug": "b", "title": "B"}],
                 "comments": [{"ref": "1", "post": "a", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"},
                              {"ref": "1", "post": "a", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"},
                              {"ref": "2", "post": "c", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"},
                              {"ref": "3", "post": "b", "parent": "1", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"},
                              {"ref": "4", "post": "a", "parent": "99", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"}]}
                """;
        assertEquals(List.of("posts[1].slug", "comments[1].ref", "comments[2].post", "comments[3].parent",
                "comments[4].parent"), errors(body));
    }

    @Test
    void aLoopOfRepliesIsRefused() {
        String body = """
                {"posts": [{"slug": "a", "title": "A"}],
                 "comments": [{"ref": "1", "post": "a", "parent": "2", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"},
                              {"ref": "2", "post": "a", "parent": "1", "authorName": "A", "text": "t", "receivedAt": "2026-11-28T12:00:00Z"}]}
                """;
        assertEquals(1, errors(body).size());
        assertTrue(errors(body).get(0).endsWith(".parent"));
    }

    @Test
    void notJsonOrNotAnObjectIsA400() {
        assertThrows(InvalidInputException.class, () -> CommentExport.read(JsonBodies.parse("{\"posts\": [")));
        assertEquals(List.of("(body)"), errors("[]"));
        assertEquals(List.of("posts"), errors("{\"posts\": {}}"));
        assertEquals(List.of("version"), errors("{\"version\": 2}"));
    }

    @Test
    void aDeepChainIsOrderedInLinearTime() {
        StringBuilder sb = new StringBuilder("{\"posts\": [{\"slug\": \"a\", \"title\": \"A\"}], \"comments\": [");
        int n = 20_000;
        for (int i = n; i >= 1; i--) {
            sb.append("{\"ref\": \"").append(i).append("\", \"post\": \"a\", ")
                    .append(i > 1 ? "\"parent\": \"" + (i - 1) + "\", " : "")
                    .append("\"authorName\": \"A\", \"text\": \"t\", \"receivedAt\": \"2026-11-28T12:00:00Z\"}")
                    .append(i > 1 ? "," : "");
        }
        CommentExport read = CommentExport.read(JsonBodies.parse(sb.append("]}").toString()));
        assertEquals("1", read.comments().get(0).ref());
        assertEquals(String.valueOf(n), read.comments().get(n - 1).ref());
    }

    private static List<String> errors(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CommentExport.read(JsonBodies.parse(body)));
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }
}
