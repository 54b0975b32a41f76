package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** The three public forms of a post's comments, read back with real parsers. */
class CommentFeedsTest {

    static final JsonProvider JSON = JsonProvider.provider();
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String POST_ADDRESS = "coloc+hello-world@coloc.example";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    static final PublicPost POST = new PublicPost("hello-world", "Bonjour <le> monde", "https://blog.example.org/hello",
            "fr", true);

    static List<CommentNode> tree() {
        return CommentTree.build(List.of(
                new PublicComment(1, null, "Alice", "Premier !\nVoir https://example.org/x.", T0, T0),
                new PublicComment(2, 1L, "bob@example.net", "Réponse </script> à alice@example.org", T0.plusSeconds(60),
                        T0.plusSeconds(120)),
                new PublicComment(3, null, "Carol", "Encore", T0.plusSeconds(30), T0.plusSeconds(30))),
                Map.of(1L, -1L, 2L, 1L, 3L, -1L));
    }

    static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void theJsonIsTheTreeWithoutAddressesAndSafeInsideAScriptBlock() {
        byte[] bytes = CommentFeeds.json(JSON, POST, tree());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("<") || text.contains(">") || text.contains("&"), text);
        assertFalse(text.contains("@"), text);
        JsonObject body = JSON.createReader(new ByteArrayInputStream(bytes)).readObject();
        assertEquals("hello-world", body.getJsonObject("post").getString("slug"));
        assertEquals("Bonjour <le> monde", body.getJsonObject("post").getString("title"), "escapes read back as text");
        assertEquals("https://blog.example.org/hello", body.getJsonObject("post").getString("url"));
        List<JsonObject> top = body.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 3), top.stream().map(o -> o.getInt("id")).toList(), "oldest first");
        JsonObject alice = top.get(0);
        assertTrue(alice.isNull("parent"));
        assertEquals("Alice", alice.getString("authorName"));
        assertEquals("Premier !\nVoir https://example.org/x.", alice.getString("text"));
        assertEquals("2025-03-01T10:00:00Z", alice.getString("publishedAt"));
        assertEquals("https://example.org/x", Jsoup.parseBodyFragment(alice.getString("html")).selectFirst("a")
                .attr("href"));
        JsonObject reply = alice.getJsonArray("replies").getJsonObject(0);
        assertEquals(1, reply.getInt("parent"));
        assertEquals("[…]", reply.getString("authorName"));
        assertEquals("Réponse </script> à […]", reply.getString("text"));
        assertEquals(List.of("id", "parent", "authorName", "text", "html", "publishedAt", "replies"),
                List.copyOf(reply.keySet()));
    }

    @Test
    void aPostWithoutAPageHasANullUrlAndNeverAStrangeOne() {
        for (String url : new String[] {null, "", "javascript:alert(1)", "data:text/html,x", "/relative",
                "https://user:pw@blog.example.org/"}) {
            PublicPost post = new PublicPost("p", "T", url, "en", true);
            assertNull(post.url(), url);
            JsonObject body = JSON.createReader(new ByteArrayInputStream(CommentFeeds.json(JSON, post, List.of())))
                    .readObject();
            assertTrue(body.getJsonObject("post").isNull("url"));
            assertEquals(0, body.getJsonArray("comments").size());
        }
    }

    @Test
    void theAtomFeedIsValidAtomWithStableTagIdsAndHtmlContent() throws Exception {
        byte[] bytes = CommentFeeds.atom(new CommentFeeds.FeedHead("comments/hello-world", "Commentaires",
                "https://coloc.example/feeds/comments/hello-world.atom", POST.url()),
                CommentFeeds.newestFirst(POST, tree(), 50), "coloc.example", "https://coloc.example");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("@"), text);
        org.w3c.dom.Document feed = xml(bytes);
        assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals("tag:coloc.example,2025:comments/hello-world", child(feed.getDocumentElement(), "id"));
        assertEquals("2025-03-01T10:02:00Z", child(feed.getDocumentElement(), "updated"));
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(3, entries.getLength());
        org.w3c.dom.Element newest = (org.w3c.dom.Element) entries.item(0);
        assertEquals("tag:coloc.example,2025:comment-2", child(newest, "id"));
        assertEquals("[…] sur Bonjour <le> monde", child(newest, "title"));
        assertEquals("2025-03-01T10:01:00Z", child(newest, "published"));
        assertEquals("2025-03-01T10:02:00Z", child(newest, "updated"));
        assertEquals("[…]", ((org.w3c.dom.Element) newest.getElementsByTagNameNS(ATOM, "author").item(0))
                .getElementsByTagNameNS(ATOM, "name").item(0).getTextContent());
        org.w3c.dom.Element link = (org.w3c.dom.Element) newest.getElementsByTagNameNS(ATOM, "link").item(0);
        assertEquals("https://blog.example.org/hello#comment-2", link.getAttribute("href"));
        org.w3c.dom.Element content = (org.w3c.dom.Element) newest.getElementsByTagNameNS(ATOM, "content").item(0);
        assertEquals("html", content.getAttribute("type"));
        Document html = Jsoup.parseBodyFragment(content.getTextContent());
        assertEquals("Réponse </script> à […]", html.body().text());
        assertTrue(html.select("script").isEmpty());
        assertEquals(List.of("comment-2", "comment-3", "comment-1"), ids(entries));
    }

    @Test
    void anEnglishPostsEntriesSayOnAndAPostWithoutPageLinksToItsEmbed() throws Exception {
        PublicPost post = new PublicPost("made-by-mail", "made-by-mail", null, "en", false);
        org.w3c.dom.Document feed = xml(CommentFeeds.atom(new CommentFeeds.FeedHead("comments", "All", "https://c/x",
                null), List.of(new CommentFeeds.Entry(post, CommentTree.single(new PublicComment(7, null, "Zoé", "Hi",
                        T0, T0)))), "coloc.example", "https://coloc.example"));
        org.w3c.dom.Element entry = (org.w3c.dom.Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertEquals("Zoé on made-by-mail", child(entry, "title"));
        assertEquals("https://coloc.example/embed/made-by-mail#comment-7",
                ((org.w3c.dom.Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"));
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        org.w3c.dom.Document feed = xml(CommentFeeds.atom(new CommentFeeds.FeedHead("comments", "All", "https://c/x",
                null), List.of(), "coloc.example", "https://coloc.example"));
        assertEquals("1970-01-01T00:00:00Z", child(feed.getDocumentElement(), "updated"));
        assertEquals(0, feed.getElementsByTagNameNS(ATOM, "entry").getLength());
    }

    @Test
    void theEmbedIsNestedListsWithTimesTextAndTheAddressToWriteTo() {
        String text = new String(CommentFeeds.embed(POST, tree(), POST_ADDRESS, PARIS), StandardCharsets.UTF_8);
        Document html = Jsoup.parseBodyFragment(text);
        assertEquals("3 commentaires", html.selectFirst("h2").text());
        Element alice = html.getElementById("comment-1");
        assertEquals("Alice", alice.selectFirst(".coloc-comment-author").text());
        assertEquals("2025-03-01T10:00:00Z", alice.selectFirst("time").attr("datetime"));
        assertEquals("1 mars 2025 à 11:00", alice.selectFirst("time").text(), "in the collective's time zone");
        Element reply = html.getElementById("comment-2");
        assertEquals(alice, reply.parent().parent(), "a reply is a list item inside its parent's item");
        assertEquals("ol", reply.parent().tagName());
        assertEquals(List.of("comment-1", "comment-3"), html.select("ol.coloc-comments-list > li").eachAttr("id"));
        assertEquals("https://example.org/x", alice.selectFirst(".coloc-comment-text a").attr("href"));
        assertEquals("_blank", alice.selectFirst(".coloc-comment-text a").attr("target"));
        Element write = html.selectFirst(".coloc-comments-write");
        assertTrue(write.text().startsWith("Pour commenter, écrivez à " + POST_ADDRESS), write.text());
        assertEquals("mailto:" + POST_ADDRESS + "?subject=%5Bblog%3Ahello-world%5D%20Bonjour%20%3Cle%3E%20monde",
                write.selectFirst("a").attr("href"));
        assertFalse(text.replace(POST_ADDRESS, "").contains("@"), "the post's own address is the only one");
        assertTrue(html.select("script, style, link, img, iframe, object, embed, svg").isEmpty());
        assertTrue(html.select("[style]").isEmpty());
        assertFalse(text.contains("url(") || text.contains("@import"));
    }

    @Test
    void aClosedEnglishPostSaysSoAndGivesNoAddress() {
        PublicPost closed = new PublicPost("old", "Old", null, "en", false);
        String text = new String(CommentFeeds.embed(closed, List.of(), "coloc+old@coloc.example", PARIS),
                StandardCharsets.UTF_8);
        Document html = Jsoup.parseBodyFragment(text);
        assertEquals("Comments", html.selectFirst("h2").text());
        assertEquals("No comments yet.", html.selectFirst(".coloc-comments-none").text());
        assertEquals("Comments are closed.", html.selectFirst(".coloc-comments-write").text());
        assertFalse(text.contains("@"));
        PublicPost open = new PublicPost("new", "New", null, "en", true);
        assertTrue(Jsoup.parse(new String(CommentFeeds.embed(open, List.of(), "coloc+new@coloc.example", PARIS),
                StandardCharsets.UTF_8)).text().contains("To comment, write to coloc+new@coloc.example."));
    }

    private static List<String> ids(NodeList entries) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            String id = child((org.w3c.dom.Element) entries.item(i), "id");
            ids.add(id.substring(id.lastIndexOf(':') + 1));
        }
        return ids;
    }

    /** The text of the first child element of that name (not of a deeper one). */
    static String child(org.w3c.dom.Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no " + name);
    }
}
