package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.coloc.comments.boundary.CommentStored;
import org.coloc.comments.boundary.Comments;
import org.coloc.comments.entity.CommentState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, items 3 and 5 (cmod), in the running application: comments are written with SQL and announced as the
 * intake does ({@link CommentStored}, the routing of mail into comments is another stream's); then the admin's
 * moderation mail (an outbox row), its signed links driven over HTTP as a browser and a mail filter would (a GET
 * changes nothing, the POST publishes, a tampered link is refused, an expired one too), the readers'
 * notifications with one-click List-Unsubscribe, the unsubscription, and the digest instead of a flood.
 */
@ExtendWith(ArquillianExtension.class)
class CommentModerationInContainerIT {

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:8080/(moderate|unsubscribe)\\?([A-Za-z0-9_=&-]+)");

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.of("comment-moderation", Map.of("coloc.address", "coloc@coloc.test",
                "coloc.admin.email", "admin@coloc.test", "coloc.admin.language", "en"));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    @Inject
    Transactions transactions;

    @Inject
    Event<CommentStored> stored;

    @Inject
    Comments comments;

    @Inject
    TestClock time;

    @Inject
    BlogRows blog;

    @Test
    void theAdminModeratesByMailAndReadersAreToldUntilTheyUnsubscribe() throws Exception {
        Tables tables = new Tables(db);
        blog.post(8001, "velo", "Le vélo en hiver", "https://blog.test/velo", "fr", true, time.now());
        comment(8101, 8001, null, "Ana <i>", "ana@reader.test", "Des pneus <script>alert(1)</script> cloutés");
        announce(8101);

        Map<String, Object> mail = tables.one("SELECT * FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'");
        assertEquals("admin@coloc.test", mail.get("FIRST_RECIPIENT"));
        String text = (String) mail.get("BODY");
        assertTrue(text.contains("Ana <i> <ana@reader.test>") && text.contains("Le vélo en hiver"), text);
        List<String> links = links(text, "moderate");
        assertEquals(3, links.size(), text);
        String publish = links.get(0);
        String reject = links.get(1);

        // what a mail filter does: it opens every link. Nothing changes.
        for (String q : links) {
            HttpResponse<String> page = send("GET", "/moderate?" + q, null);
            assertEquals(200, page.statusCode(), page.body());
            assertSafePage(page);
            assertTrue(page.body().contains("Des pneus &lt;script&gt;alert(1)&lt;/script&gt; cloutés"), page.body());
            assertTrue(page.body().contains("<form method=\"post\""), page.body());
        }
        assertEquals("pending", state(tables, 8101));

        // tampered: another comment, another action, a later expiry, a cut signature
        String other = publish.replace("c=8101", "c=8102");
        for (String q : List.of(other, publish.replace("a=publish", "a=spam"),
                publish.replaceFirst("e=(\\d)", "e=9"), publish.substring(0, publish.length() - 2), "a=publish&c=8101")) {
            HttpResponse<String> r = send("POST", "/moderate?" + q, "");
            assertEquals(403, r.statusCode(), q);
            assertSafePage(r);
            assertTrue(r.body().contains("not valid"), r.body());
        }
        assertEquals(403, send("GET", "/moderate", null).statusCode());
        assertEquals("pending", state(tables, 8101));

        HttpResponse<String> done = send("POST", "/moderate?" + publish, "");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("is published"), done.body());
        assertEquals("published", state(tables, 8101));
        assertEquals("signed-link", tables.one("SELECT ACTOR FROM CHANGE_LOG WHERE RECORD_TYPE = 'comment'"
                + " AND RECORD_ID = 8101").get("ACTOR"));

        Map<String, Object> toAna = tables.one("SELECT * FROM OUTBOX_MAIL WHERE KIND = 'comment-notification'");
        assertEquals("ana@reader.test", toAna.get("FIRST_RECIPIENT"));
        assertEquals("m8101@reader.test", toAna.get("IN_REPLY_TO"));
        String headers = (String) toAna.get("EXTRA_HEADERS");
        assertTrue(headers.contains("List-Unsubscribe: <mailto:coloc+unsubscribe@coloc.test?subject=unsubscribe>"),
                headers);
        assertTrue(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), headers);
        String unsubscribe = links(headers, "unsubscribe").get(0);

        // publishing again tells nobody twice
        HttpResponse<String> again = send("POST", "/moderate?" + publish, "");
        assertEquals(200, again.statusCode());
        assertEquals(1, tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-notification'"));

        // a reply to Ana: its author hears it is published, Ana that someone replied
        comment(8102, 8001, 8101L, "Bob", "bob@reader.test", "Plutôt des chaînes");
        announce(8102);
        publish(8102);
        assertEquals(List.of("ana@reader.test", "bob@reader.test"), recipients(tables));

        // Ana unsubscribes: the GET shows a button and changes nothing; a tampered POST neither; the one-click does
        HttpResponse<String> page = send("GET", "/unsubscribe?" + unsubscribe, null);
        assertEquals(200, page.statusCode());
        assertSafePage(page);
        assertFalse(page.body().contains("ana@reader.test"), "masked: " + page.body());
        assertEquals(0, tables.count("SELECT COUNT(*) FROM COMMENT_OPT_OUT"));
        assertEquals(403, send("POST", "/unsubscribe?" + unsubscribe.replace("a=unsubscribe", "a=publish"),
                "List-Unsubscribe=One-Click").statusCode());
        assertEquals(400, send("POST", "/unsubscribe?" + unsubscribe, "").statusCode(), "RFC 8058's body is required");
        assertEquals(0, tables.count("SELECT COUNT(*) FROM COMMENT_OPT_OUT"));
        HttpResponse<String> out = send("POST", "/unsubscribe?" + unsubscribe, "List-Unsubscribe=One-Click");
        assertEquals(200, out.statusCode(), out.body());
        assertEquals("one-click", tables.one("SELECT VIA FROM COMMENT_OPT_OUT WHERE ADDRESS = 'ana@reader.test'")
                .get("VIA"));

        comment(8103, 8001, 8101L, "Carla", "carla@reader.test", "Moi aussi");
        announce(8103);
        publish(8103);
        assertEquals(List.of("ana@reader.test", "bob@reader.test", "carla@reader.test"), recipients(tables),
                "no more mail to Ana");

        // expired: the links of the first mail, two weeks and a day later
        comment(8104, 8001, null, "Dan", "dan@reader.test", "En retard");
        announce(8104);
        long before = tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'");
        time.advance(Duration.ofDays(15));
        HttpResponse<String> expired = send("POST", "/moderate?" + reject, "");
        assertEquals(410, expired.statusCode(), expired.body());
        assertSafePage(expired);
        assertTrue(expired.body().contains("expired"));
        assertEquals("published", state(tables, 8101));

        // a flood: up to coloc.comments.digest-after (5) pending, a mail each; beyond, they wait for the digest
        for (long id = 8110; id < 8117; id++) {
            comment(id, 8001, null, "Flood " + id, "flood" + id + "@reader.test", "Texte " + id);
            announce(id);
        }
        assertEquals(before + 4, tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'"),
                "Dan and four of the flood are five pending: the next ones wait");
        time.sweep();
        assertEquals(before + 4, tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'"),
                "no digest within the hour of the last moderation mail");
        time.advance(Duration.ofMinutes(61));
        time.sweep();
        assertEquals(before + 5, tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'"));
        String digest = (String) tables.one("SELECT BODY FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'"
                + " AND SUBJECT LIKE '% comments to moderate'").get("BODY");
        assertTrue(digest.contains("Flood 8116") && digest.contains("Dan"), digest);
        assertEquals(3 * 8, links(digest, "moderate").size(), "Dan and the seven of the flood, with their links");
        time.advance(Duration.ofMinutes(61));
        time.sweep();
        assertEquals(before + 5, tables.count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'comment-moderation'"),
                "nothing new to tell: no second digest");
        assertEquals(0, tables.count("SELECT COUNT(*) FROM BLOG_COMMENT WHERE STATE = 'pending'"
                + " AND MODERATION_MAILED_AT IS NULL"));
    }

    private static void assertSafePage(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
    }

    private static List<String> links(String text, String path) {
        Matcher m = LINK.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(path)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    private static List<String> recipients(Tables tables) {
        return tables.rows("SELECT FIRST_RECIPIENT FROM OUTBOX_MAIL WHERE KIND = 'comment-notification'"
                + " ORDER BY FIRST_RECIPIENT").stream().map(r -> (String) r.get("FIRST_RECIPIENT")).distinct().toList();
    }

    private static String state(Tables tables, long id) {
        return (String) tables.one("SELECT STATE FROM BLOG_COMMENT WHERE ID = ?", id).get("STATE");
    }

    private void announce(long id) throws Exception {
        transactions.inTransaction(() -> {
            stored.fire(new CommentStored(id));
            return null;
        });
    }

    private void publish(long id) throws Exception {
        transactions.inTransaction(() -> comments.moderate(id, CommentState.PUBLISHED, "admin"));
    }

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(new Http(base).uri(path)).header("Accept", "text/html");
        r = form == null ? r.GET() : r.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form));
        return new Http(base).send(r.build());
    }

    /** A pending comment of a reader, received now by mail. */
    private void comment(long id, long post, Long parent, String name, String address, String text) throws SQLException {
        blog.comment(id, post, parent, "pending", name, address, text, time.now(), "m" + id + "@reader.test",
                70_000 + id);
    }
}
