package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.NodeList;

/**
 * Issue 11, item 4: a post's published comments as the blog reads them, anonymously over HTTP from the running
 * application: the JSON tree, the two Atom feeds and the embed. Posts and comments are written with SQL (the
 * comments come from mail and the posts from the admin's API, both another stream's, see doc/i11-ccore.md).
 * Checks: only published comments, a reply under a held-back comment hangs under the nearest published one, no
 * address anywhere (the embed's own comment address aside), ETag/304 and Cache-Control, CORS for the blog's origin
 * only, Atom that parses, an embed without script, 404 without the slug repeated back.
 */
@ExtendWith(ArquillianExtension.class)
class PublicCommentsInContainerIT {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String BLOG = "https://blog.example.org";
    private static final String POST_ADDRESS = "coloc+hello-world@coloc.test";

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.of("public-comments", Map.of("coloc.address", "coloc@coloc.test",
                "coloc.comments.blog-origin", BLOG, "coloc.public-url", "https://coloc.test"));
    }

    @ArquillianResource
    URL base;

    @Inject
    BlogRows blog;

    @Inject
    TestClock time;

    private Instant t0;

    @BeforeEach
    void posts() throws SQLException {
        t0 = time.now().minusSeconds(3600);
        if (blog.anyPost()) {
            return;
        }
        blog.post(9001, "hello-world", "Bonjour <le> monde", BLOG + "/hello-world", "fr", true, t0);
        blog.post(9002, "closed-one", "Closed one", BLOG + "/closed", "en", false, t0);
        comment(9101, 9001, null, "published", "Alice", "alice@readers.test",
                "Premier !\n\nÉcrivez-moi : alice@readers.test, voir https://example.org/x.", 1);
        comment(9102, 9001, null, "pending", "Pending Pat", "pat@readers.test", "Pas encore publié", 2);
        comment(9103, 9001, 9101L, "published", "Bob", "bob@readers.test", "Réponse à Alice", 3);
        comment(9104, 9001, 9101L, "rejected", "Rejected Rob", "rob@readers.test", "Rejeté", 4);
        comment(9105, 9001, 9104L, "published", "Carol", "carol@readers.test", "Réponse au rejeté", 5);
        comment(9106, 9001, null, "published", "<script>alert('name')</script>", "mallory@readers.test",
                "<script>alert(1)</script><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> "
                        + "javascript:alert(4) <svg onload=alert(5)>", 6);
        comment(9107, 9001, null, "spam", "Spammer", "spam@readers.test", "Achetez", 7);
        comment(9201, 9002, null, "published", "Dan", "dan@readers.test", "On the closed post", 8);
    }

    @Test
    void theJsonTreeHasOnlyPublishedCommentsNestedAndNoAddress() throws Exception {
        HttpResponse<String> r = get("/api/public/posts/hello-world/comments", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertCached(r);
        JsonObject body = JSON.createReader(new StringReader(r.body())).readObject();
        assertEquals("hello-world", body.getJsonObject("post").getString("slug"));
        assertEquals("Bonjour <le> monde", body.getJsonObject("post").getString("title"));
        assertEquals(BLOG + "/hello-world", body.getJsonObject("post").getString("url"));
        List<JsonObject> top = body.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(List.of(9101, 9106), top.stream().map(o -> o.getInt("id")).toList(), "published, oldest first");
        JsonObject alice = top.get(0);
        assertEquals("Alice", alice.getString("authorName"));
        assertTrue(alice.isNull("parent"));
        assertEquals(List.of(9103, 9105), alice.getJsonArray("replies").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getInt("id")).toList(), "Carol's reply to a rejected comment hangs under Alice's");
        assertEquals(9101, alice.getJsonArray("replies").getJsonObject(1).getInt("parent"));
        assertTrue(alice.getString("text").startsWith("Premier !\n\nÉcrivez-moi : […], voir"));
        Document html = Jsoup.parseBodyFragment(alice.getString("html"));
        assertEquals("https://example.org/x", html.selectFirst("a").attr("href"));
        Document xss = Jsoup.parseBodyFragment(top.get(1).getString("html"));
        assertTrue(xss.select("script, img, svg, [onerror], [onload]").isEmpty(), xss.html());
        assertTrue(xss.select("a").isEmpty(), "no javascript: link: " + xss.html());
        for (String hidden : List.of("Pat", "Rob", "Spammer", "Dan", "readers.test", "@")) {
            assertFalse(r.body().contains(hidden), hidden + " in " + r.body());
        }
    }

    @Test
    void unknownAndBadSlugsAreNotFoundWithoutBeingRepeated() throws Exception {
        for (String slug : List.of("no-such-post", "Bad_Slug", "a'b(c)", "x".repeat(150))) {
            HttpResponse<String> r = get("/api/public/posts/" + slug + "/comments", Map.of());
            assertEquals(404, r.statusCode(), slug);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), slug);
            assertFalse(r.body().contains(slug), r.body());
        }
        assertEquals(404, get("/feeds/comments/no-such-post.atom", Map.of()).statusCode());
        assertEquals(404, get("/feeds/comments/hello-world.rss", Map.of()).statusCode());
        assertEquals(404, get("/embed/no-such-post", Map.of()).statusCode());
        assertEquals(404, get("/embed/Bad_Slug", Map.of()).statusCode());
        assertEquals(404, get("/embed/", Map.of()).statusCode());
        assertEquals(401, get("/api/public/posts/hello-world/comments/9101", Map.of()).statusCode(), "exactly the path");
        assertEquals(401, get("/api/public/posts", Map.of()).statusCode());
        assertEquals(200, get("/feeds/maintenances.atom", Map.of()).statusCode(), "the maintenances' feed still there");
    }

    @Test
    void everyOutputIsCachedAndRevalidated() throws Exception {
        for (String path : List.of("/api/public/posts/hello-world/comments", "/feeds/comments.atom",
                "/feeds/comments/hello-world.atom", "/embed/hello-world")) {
            HttpResponse<String> r = get(path, Map.of());
            assertEquals(200, r.statusCode(), path);
            assertCached(r);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = get(path, Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        }
    }

    @Test
    void onlyTheBlogsOriginMayReadTheJsonFromItsScripts() throws Exception {
        String path = "/api/public/posts/hello-world/comments";
        HttpResponse<String> blog = get(path, Map.of("Origin", BLOG));
        assertEquals(BLOG, blog.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("ETag", blog.headers().firstValue("Access-Control-Expose-Headers").orElse(""));
        assertTrue(blog.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
        HttpResponse<String> blog304 = get(path, Map.of("Origin", BLOG, "If-None-Match",
                blog.headers().firstValue("ETag").orElseThrow()));
        assertEquals(304, blog304.statusCode());
        assertEquals(BLOG, blog304.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        HttpResponse<String> other = get(path, Map.of("Origin", "https://evil.example"));
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(other.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", BLOG)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").build());
        assertTrue(preflight.statusCode() == 204 || preflight.statusCode() == 200, preflight.body());
        assertEquals(BLOG, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("GET", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", BLOG)
                .header("Access-Control-Request-Method", "POST").build());
        assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> evil = send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build());
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void theAtomFeedsParseAndHoldPublishedCommentsOfOpenPosts() throws Exception {
        HttpResponse<String> all = get("/feeds/comments.atom", Map.of());
        assertEquals("application/atom+xml;charset=UTF-8",
                all.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        org.w3c.dom.Document feed = xml(all.body());
        assertEquals(List.of("comment-9106", "comment-9105", "comment-9103", "comment-9101"), entryIds(feed),
                "newest first, no pending/rejected/spam, nothing of the closed post");
        assertFalse(all.body().contains("@"), all.body());

        HttpResponse<String> one = get("/feeds/comments/hello-world.atom", Map.of());
        org.w3c.dom.Document post = xml(one.body());
        assertEquals(4, post.getElementsByTagNameNS(ATOM, "entry").getLength());
        NodeList links = post.getElementsByTagNameNS(ATOM, "link");
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            hrefs.add(((org.w3c.dom.Element) links.item(i)).getAttribute("href"));
        }
        assertTrue(hrefs.contains("https://coloc.test/feeds/comments/hello-world.atom"), hrefs.toString());
        assertTrue(hrefs.contains(BLOG + "/hello-world#comment-9101"), hrefs.toString());
        NodeList contents = post.getElementsByTagNameNS(ATOM, "content");
        for (int i = 0; i < contents.getLength(); i++) {
            Document html = Jsoup.parseBodyFragment(contents.item(i).getTextContent());
            assertTrue(html.select("script, img, svg, iframe, [onerror], [onload]").isEmpty(), html.html());
        }
        assertFalse(one.body().contains("@"), one.body());

        org.w3c.dom.Document closed = xml(get("/feeds/comments/closed-one.atom", Map.of()).body());
        assertEquals(List.of("comment-9201"), entryIds(closed), "a closed post keeps what was published");
    }

    @Test
    void theEmbedIsAFragmentWithoutScriptAndWithTheAddressToWriteTo() throws Exception {
        HttpResponse<String> r = get("/embed/hello-world", Map.of());
        assertEquals(200, r.statusCode());
        assertEquals("text/html;charset=UTF-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors " + BLOG), csp);
        Document html = Jsoup.parseBodyFragment(r.body());
        assertTrue(html.select("script, style, link, img, iframe, object, embed, svg, [onerror], [onload], [style]")
                .isEmpty(), r.body());
        assertEquals(List.of("comment-9101", "comment-9106"), html.select("ol.coloc-comments-list > li").eachAttr("id"));
        assertEquals(List.of("comment-9103", "comment-9105"),
                html.select("#comment-9101 > ol > li").eachAttr("id"));
        assertEquals("<script>alert('name')</script>",
                html.selectFirst("#comment-9106 .coloc-comment-author").text(), "a name is text");
        Element write = html.selectFirst(".coloc-comments-write a");
        assertTrue(write.attr("href").startsWith("mailto:" + POST_ADDRESS + "?subject="), write.attr("href"));
        assertEquals(POST_ADDRESS, write.text());
        assertTrue(html.text().contains("Pour commenter, écrivez à " + POST_ADDRESS));
        assertFalse(r.body().replace(POST_ADDRESS, "").contains("@"), "only the post's own address: " + r.body());
        assertFalse(r.body().contains("readers.test"));
    }

    private static void assertCached(HttpResponse<String> r) {
        assertEquals("public, max-age=60", r.headers().firstValue("Cache-Control").orElse(""), r.uri().toString());
        assertTrue(r.headers().firstValue("ETag").orElse("").matches("\"[A-Za-z0-9_-]{22}\""), r.uri().toString());
    }

    private static List<String> entryIds(org.w3c.dom.Document feed) {
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            String id = ((org.w3c.dom.Element) entries.item(i)).getElementsByTagNameNS(ATOM, "id").item(0)
                    .getTextContent();
            assertTrue(id.startsWith("tag:coloc.test,2025:"), id);
            ids.add(id.substring(id.lastIndexOf(':') + 1));
        }
        return ids;
    }

    private static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return new Http(base).get(path, headers);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return new Http(base).send(request);
    }

    private URI uri(String path) {
        return new Http(base).uri(path);
    }

    /** A reader's comment on a post, received {@code minute} minutes after the post was written. */
    private void comment(long id, long post, Long parent, String state, String name, String address, String text,
            int minute) throws SQLException {
        blog.comment(id, post, parent, state, name, address, text, t0.plusSeconds(60L * minute), null, null);
    }
}
