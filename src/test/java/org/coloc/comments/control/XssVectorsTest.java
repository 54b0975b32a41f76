package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The XSS proof (issue 11): the vectors of the OWASP XSS Filter Evasion Cheat Sheet
 * ({@code src/test/resources/comments/xss-vectors.txt}), published as comments, are inert in every public output:
 * the rendered HTML, the JSON's {@code html}, the Atom content (once XML-unescaped) and the embed. "Inert", read
 * with a real HTML parser: only the elements and attributes the output is made of, no {@code on…} attribute, no
 * {@code style}, and every link http(s) (the embed's one {@code mailto:} the post's own address).
 */
public class XssVectorsTest {

    /** What the rendered comment is made of. */
    static final Set<String> COMMENT_ELEMENTS = Set.of("html", "head", "body", "p", "br", "a");
    /** What the embed adds around comments. */
    static final Set<String> EMBED_ELEMENTS = Set.of("html", "head", "body", "p", "br", "a", "section", "h2", "ol",
            "li", "span", "time", "div");
    static final Set<String> ATTRIBUTES = Set.of("href", "rel", "target", "class", "id", "lang", "datetime");
    static final String POST_ADDRESS = "coloc+xss@coloc.example";

    public static List<String> vectors() throws IOException {
        try (InputStream in = XssVectorsTest.class.getResourceAsStream("/comments/xss-vectors.txt")) {
            List<String> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("# ")) {
                    vectors.add(unescape(line));
                }
            }
            return vectors;
        }
    }

    /** The file's escapes: \t \n \r \0 \\ (anything else after a backslash stays as written). */
    static String unescape(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && "tnr0\\".indexOf(line.charAt(i + 1)) >= 0) {
                char e = line.charAt(++i);
                b.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> '\\';
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** No element, attribute or link that could run anything. */
    static void assertInert(String html, Set<String> elements, String where) {
        Document doc = Jsoup.parse(html);
        for (Element e : doc.getAllElements()) {
            if (e == doc) {
                continue;
            }
            assertTrue(elements.contains(e.normalName()), where + ": element <" + e.normalName() + "> in " + html);
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), where + ": event attribute " + name + " in " + html);
                assertTrue(ATTRIBUTES.contains(name), where + ": attribute " + name + " in " + html);
                if (name.equals("href")) {
                    // what a browser does before reading the scheme: strip control characters and white space
                    String url = a.getValue().replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
                    boolean ours = url.equals(("mailto:" + POST_ADDRESS).toLowerCase(Locale.ROOT))
                            || url.startsWith(("mailto:" + POST_ADDRESS + "?").toLowerCase(Locale.ROOT));
                    assertTrue(url.startsWith("http://") || url.startsWith("https://") || ours,
                            where + ": link " + a.getValue() + " in " + html);
                }
            }
        }
    }

    @Test
    void thereAreAtLeastFiftyVectorsFromTheCheatSheet() throws IOException {
        assertTrue(vectors().size() >= 50, "vectors: " + vectors().size());
        assertEquals(vectors().size(), Set.copyOf(vectors()).size(), "no vector twice");
    }

    @Test
    void everyVectorRendersInertAndKeepsItsText() throws IOException {
        for (String vector : vectors()) {
            for (String text : List.of(vector, "Bel article.\n\n" + vector + "\nhttps://example.org/ok")) {
                String html = CommentRendering.html(text);
                assertInert(html, COMMENT_ELEMENTS, "html");
                assertInert(CommentRendering.htmlForFrame(text), COMMENT_ELEMENTS, "frame");
                // nothing was dropped either: the reader sees what was written, as text
                assertEquals(words(CommentRendering.text(text)), words(Jsoup.parse(html).text()), vector);
            }
        }
    }

    @Test
    void everyVectorIsInertInTheJson() throws IOException {
        List<String> vectors = vectors();
        PublicPost post = new PublicPost("xss", vectors.get(1), "https://blog.example.org/xss", "fr", true);
        byte[] json = CommentFeeds.json(CommentFeedsTest.JSON, post, tree(vectors));
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("<"), "no markup outside escapes");
        JsonObject body = CommentFeedsTest.JSON.createReader(new ByteArrayInputStream(json)).readObject();
        List<JsonObject> all = new ArrayList<>();
        List<JsonObject> todo = new ArrayList<>(body.getJsonArray("comments").getValuesAs(JsonObject.class));
        while (!todo.isEmpty()) {
            JsonObject c = todo.remove(todo.size() - 1);
            all.add(c);
            todo.addAll(c.getJsonArray("replies").getValuesAs(JsonObject.class));
        }
        assertEquals(vectors.size(), all.size());
        for (JsonObject c : all) {
            assertInert(c.getString("html"), COMMENT_ELEMENTS, "json html");
            assertTrue(c.get("parent").getValueType() == JsonValue.ValueType.NULL
                    || c.get("parent").getValueType() == JsonValue.ValueType.NUMBER);
        }
    }

    @Test
    void everyVectorIsInertInTheAtomContent() throws Exception {
        List<String> vectors = vectors();
        PublicPost post = new PublicPost("xss", vectors.get(2), "https://blog.example.org/xss", "en", true);
        byte[] atom = CommentFeeds.atom(new CommentFeeds.FeedHead("comments/xss", vectors.get(3),
                "https://coloc.example/feeds/comments/xss.atom", post.url()),
                CommentFeeds.newestFirst(post, tree(vectors), 1000), "coloc.example", "https://coloc.example");
        org.w3c.dom.Document feed = CommentFeedsTest.xml(atom);
        NodeList contents = feed.getElementsByTagNameNS(CommentFeedsTest.ATOM, "content");
        assertEquals(vectors.size(), contents.getLength());
        for (int i = 0; i < contents.getLength(); i++) {
            assertInert(contents.item(i).getTextContent(), COMMENT_ELEMENTS, "atom content");
        }
        // titles and names are Atom text constructs (type text): a reader shows them as text, whatever they hold
        NodeList titles = feed.getElementsByTagNameNS(CommentFeedsTest.ATOM, "title");
        for (int i = 0; i < titles.getLength(); i++) {
            String type = ((org.w3c.dom.Element) titles.item(i)).getAttribute("type");
            assertTrue(type.isEmpty() || type.equals("text"));
        }
    }

    @Test
    void everyVectorIsInertInTheEmbed() throws IOException {
        List<String> vectors = vectors();
        PublicPost post = new PublicPost("xss", vectors.get(4), "https://blog.example.org/xss", "fr", true);
        String embed = new String(CommentFeeds.embed(post, tree(vectors), POST_ADDRESS, CommentFeedsTest.PARIS),
                StandardCharsets.UTF_8);
        assertInert(embed, EMBED_ELEMENTS, "embed");
        Document doc = Jsoup.parse(embed);
        assertEquals(vectors.size(), doc.select("li.coloc-comment").size(), "every comment is shown");
        assertEquals(1, doc.select("a[href^=mailto:]").size());
    }

    /**
     * The vectors as one post's published comments, their authors' names vectors too, every third one a reply to
     * the one before.
     */
    static List<CommentNode> tree(List<String> vectors) {
        List<PublicComment> comments = new ArrayList<>();
        Map<Long, Long> parents = new HashMap<>();
        Instant t = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 0; i < vectors.size(); i++) {
            long id = i + 1;
            Long parent = i % 3 == 2 ? id - 1 : null;
            comments.add(new PublicComment(id, parent, vectors.get(vectors.size() - 1 - i), vectors.get(i),
                    t.plusSeconds(i), t.plusSeconds(i)));
            parents.put(id, parent);
        }
        return CommentTree.build(comments, parents);
    }

    private static String words(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }
}
