package org.coloc.it;

import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.coloc.comments.control.XssVectorsTest;
import org.coloc.intake.control.ReplyText;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Blog comments by mail, as a reader and the blog's owner see them: the owner declares a post and puts its address
 * in his template; readers mail {@code coloc+<slug>@…} (or tag the subject), and each comment waits in
 * {@code /api/comments} under the reader's display name, with only what he wrote; a comment for an unknown post is
 * held with a post made for it; the owner publishes; the sixth comment of an hour is flagged; a comment too long is
 * refused by mail; everything exported, deleted and imported comes back. Then one comment goes the whole way by
 * mail: the owner's moderation mail and its signed link, the reader's notification, the public outputs, a reply by
 * mail nested under it, a reply to the moderation mail that is no comment, the one-click unsubscribe. The tests
 * build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommentsIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String POST = "coloc+hello-world@coloc.test";

    @RegisterExtension
    static final ColocApp app = ColocApp.named("comments").withMailServer().withAdmin(People.ADMIN)
            .withClockControl();
    static final Api api = app.api();

    @Test
    @Order(1)
    void theOwnerDeclaresAPostAndGetsItsAddressAndMailtoLink() {
        Api.Reply created = api.put("/api/posts/hello-world", """
                {"title": "Bonjour le monde", "url": "https://blog.example.org/hello-world", "language": "fr",
                 "open": true}""", null);
        assertEquals(201, created.status(), created.text());
        JsonObject post = api.getJson("/api/posts/hello-world");
        assertEquals(POST, post.getString("commentAddress"));
        assertEquals("mailto:" + POST + "?subject=Bonjour%20le%20monde", post.getString("mailto"));
        assertEquals(200, api.put("/api/posts/hello-world", """
                {"title": "Bonjour le monde", "url": "https://blog.example.org/hello-world", "open": true}""", null)
                .status(), "a second PUT replaces");

        JsonObject problem = assertProblem(api.put("/api/posts/Hello_World", "{\"title\": \"x\"}", null), 400);
        assertEquals("slug", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.put("/api/posts/unsubscribe", "{\"title\": \"x\"}", null), 400);
        assertProblem(api.put("/api/posts/ok", "{\"title\": \"x\", \"language\": \"de\"", null), 400);

        assertEquals(201, api.put("/api/posts/brouillon", "{\"title\": \"Brouillon\", \"open\": false}", null).status());
        assertEquals(1, api.getJson("/api/posts?open=false").getInt("total"));
        assertEquals(204, api.delete("/api/posts/brouillon", null).status(), "a post without comments goes");
        assertProblem(api.get("/api/posts/brouillon"), 404);
        assertProblem(api.withoutCredentials().get("/api/posts"), 401);
    }

    @Test
    @Order(2)
    void aReadersMailToThePostIsAPendingCommentUnderHerNameWithOnlyWhatSheWrote() throws Exception {
        app.send(mail("c1@alice.example", "\"Alice Martin\" <alice@alice.example>", POST, "Re: Bonjour le monde",
                "Très bon billet, merci !\n\nLe 1 déc. 2026 à 10:00, coloc a écrit :\n> Bonjour le monde\n> tout le"
                        + " texte cité\n"), "alice@alice.example");
        JsonObject page = api.await("/api/comments?post=hello-world", p -> p.getInt("total") == 1, WAIT);
        JsonObject c = page.getJsonArray("items").getJsonObject(0);
        assertEquals("pending", c.getString("state"));
        assertEquals("Alice Martin", c.getString("authorName"));
        assertEquals("Très bon billet, merci !", c.getString("text"), "the quote is not part of the comment");
        assertEquals("alice@alice.example", c.getString("authorAddress"), "the admin sees the address");
        assertEquals("hello-world", c.getString("post"));
        assertFalse(c.getBoolean("spamSuspect"));
        // a comment, not a case: nobody got an acknowledgement
        assertEquals(0, api.getJson("/api/cases").getInt("total"));
        assertEquals(List.of(), app.sentTo("alice@alice.example"));
        // the same mail delivered again is taken once
        app.send(mail("c1@alice.example", "\"Alice Martin\" <alice@alice.example>", POST, "Re: Bonjour le monde",
                "Très bon billet, merci !\n"), "alice@alice.example");
        api.await("/api/messages", p -> p.getInt("total") == 2, WAIT);
        assertEquals(1, api.getJson("/api/comments?post=hello-world").getInt("total"));
    }

    @Test
    @Order(3)
    void theSubjectTagServesClientsThatDropThePlusPart() throws Exception {
        app.send(mail("c2@bob.example", "bob@bob.example", TestMailServer.COLOC, "Re: [blog:hello-world] Bravo",
                "Bravo pour ce billet."), "bob@bob.example");
        JsonObject page = api.await("/api/comments?post=hello-world", p -> p.getInt("total") == 2, WAIT);
        JsonObject c = page.getJsonArray("items").getJsonObject(0);
        assertEquals("Anonyme", c.getString("authorName"), "no display name: never the address");
        assertEquals("Bravo pour ce billet.", c.getString("text"));
    }

    @Test
    @Order(4)
    void aCommentOnAnUnknownPostIsHeldWithAClosedPostMadeForIt() throws Exception {
        app.send(mail("c3@carol.example", "Carol <carol@carol.example>", "coloc+nouveau-billet@coloc.test",
                "Question", "Et la suite ?"), "carol@carol.example");
        JsonObject page = api.await("/api/comments?post=nouveau-billet", p -> p.getInt("total") == 1, WAIT);
        JsonObject c = page.getJsonArray("items").getJsonObject(0);
        assertEquals("pending", c.getString("state"));
        assertEquals("unknown-post", c.getString("heldReason"));
        JsonObject post = api.getJson("/api/posts/nouveau-billet");
        assertFalse(post.getBoolean("open"));
        assertTrue(post.getBoolean("createdByMail"));
        assertEquals("nouveau-billet", post.getString("title"));
        assertProblem(api.delete("/api/posts/nouveau-billet", null), 409);
    }

    @Test
    @Order(5)
    void theOwnerPublishesAndRenames() {
        long id = first("/api/comments?post=hello-world&q=merci").getJsonNumber("id").longValue();
        Api.Reply r = api.patch("/api/comments/" + id, "{\"state\": \"published\", \"authorName\": \"Alice M.\"}", null);
        assertEquals(200, r.status(), r.text());
        assertEquals("published", r.json().getString("state"));
        assertEquals("Alice M.", r.json().getString("authorName"));
        assertFalse(isNull(r.json(), "publishedAt"));
        assertEquals(1, api.getJson("/api/comments?state=published").getInt("total"));
        assertEquals(2, api.getJson("/api/comments?state=pending").getInt("total"));

        assertProblem(api.patch("/api/comments/" + id, "{\"state\": \"approved\"}", null), 400);
        assertProblem(api.patch("/api/comments/" + id, "{\"authorName\": \"eve@evil.example\"}", null), 400);
        assertProblem(api.patch("/api/comments/999999", "{\"state\": \"spam\"}", null), 404);
        assertProblem(api.get("/api/comments/abc"), 400);
        assertProblem(api.get("/api/comments?state=deleted"), 400);
        assertEquals(0, api.getJson("/api/comments?post=no-such-post").getInt("total"));
    }

    @Test
    @Order(6)
    void theSixthCommentOfAnHourIsHeldAndFlagged() throws Exception {
        for (int i = 1; i <= 6; i++) {
            app.send(mail("flood-" + i + "@dan.example", "Dan <dan@dan.example>", POST, "Re: Bonjour",
                    "Commentaire numéro " + i + "."), "dan@dan.example");
        }
        JsonObject page = api.await("/api/comments?q=dan@dan.example", p -> p.getInt("total") == 6, WAIT);
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.stream().filter(c -> "rate-limit".equals(c.getString("heldReason", null))).count(),
                page.toString());
        assertEquals("Commentaire numéro 6.", items.stream()
                .filter(c -> "rate-limit".equals(c.getString("heldReason", null))).findFirst().get().getString("text"));
        items.forEach(c -> assertEquals("pending", c.getString("state")));
    }

    @Test
    @Order(7)
    void aCommentTooLongIsRefusedPolitelyByMail() throws Exception {
        long before = api.getJson("/api/comments").getInt("total");
        app.send(mail("long@erin.example", "Erin <erin@erin.example>", POST, "Re: Bonjour le monde",
                "Lorem ipsum dolor sit amet, consectetur.\n".repeat(610)), "erin@erin.example");
        MimeMessage refusal = app.awaitMail("erin@erin.example", 1, WAIT).get(0);
        assertTrue(refusal.getSubject().contains("Bonjour le monde"), refusal.getSubject());
        assertEquals("auto-replied", refusal.getHeader("Auto-Submitted", null));
        assertEquals("<long@erin.example>", refusal.getHeader("In-Reply-To", null));
        String text = new String(refusal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("20000"), text);
        assertEquals(before, api.getJson("/api/comments").getInt("total"), "not stored as a comment");
    }

    @Test
    @Order(8)
    void everythingExportedDeletedAndImportedComesBack() {
        JsonObject export = api.getJson("/api/comments/export");
        List<JsonObject> comments = export.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(api.getJson("/api/comments").getInt("total"), comments.size());
        assertEquals(2, export.getJsonArray("posts").size());
        for (JsonObject c : comments) {
            assertEquals(204, api.delete("/api/comments/" + c.getString("ref"), null).status());
        }
        assertEquals(0, api.getJson("/api/comments").getInt("total"));

        Api.Reply imported = api.post("/api/comments/import", export.toString());
        assertEquals(200, imported.status(), imported.text());
        assertEquals(comments.size(), imported.json().getInt("commentsCreated"));
        JsonObject again = api.getJson("/api/comments/export");
        assertEquals(strip(export), strip(again), "the same posts and comments, under new ids");
        JsonObject published = first("/api/comments?state=published");
        assertEquals("Alice M.", published.getString("authorName"));
        assertEquals("alice@alice.example", published.getString("authorAddress"));

        // importing it again creates nothing twice
        assertEquals(0, api.post("/api/comments/import", export.toString()).json().getInt("commentsCreated"));
        JsonObject problem = assertProblem(api.post("/api/comments/import",
                "{\"posts\": [], \"comments\": [{\"ref\": \"1\", \"post\": \"nowhere\", \"authorName\": \"A\", "
                + "\"text\": \"t\", \"receivedAt\": \"2026-11-20T10:00:00Z\"}]}"), 400);
        assertTrue(problem.toString().contains("comments[0].post"), problem.toString());
        assertProblem(api.post("/api/comments/import", "{\"posts\": ["), 400);
    }

    @Test
    @Order(9)
    void aDeletedCommentsRepliesStayAnsweringItsParent() {
        Api.Reply r = api.post("/api/comments/import", """
                {"posts": [{"slug": "fil", "title": "Un fil"}],
                 "comments": [
                   {"ref": "a", "post": "fil", "authorName": "A", "text": "Premier", "receivedAt": "2026-11-20T10:00:00Z"},
                   {"ref": "b", "post": "fil", "parent": "a", "authorName": "B", "text": "Réponse", "receivedAt": "2026-11-20T11:00:00Z"},
                   {"ref": "c", "post": "fil", "parent": "b", "authorName": "C", "text": "Réponse à la réponse",
                    "receivedAt": "2026-11-20T12:00:00Z", "state": "published"}]}""");
        assertEquals(200, r.status(), r.text());
        long a = byText("fil", "Premier").getJsonNumber("id").longValue();
        JsonObject b = byText("fil", "Réponse");
        assertEquals(a, b.getJsonNumber("parent").longValue());
        assertEquals(b.getJsonNumber("id").longValue(), byText("fil", "Réponse à la réponse").getJsonNumber("parent")
                .longValue());
        assertEquals(204, api.delete("/api/comments/" + b.getJsonNumber("id").longValue(), null).status());
        assertEquals(a, byText("fil", "Réponse à la réponse").getJsonNumber("parent").longValue());
        assertEquals(204, api.delete("/api/comments/" + a, null).status());
        assertTrue(isNull(byText("fil", "Réponse à la réponse"), "parent"));
    }

    private static final String FANNY = "fanny@fanny.example";
    private static final String WHOLE_WAY = "coloc+tout-le-chemin@coloc.test";
    private static final String HOSTILE = "Super billet ! <script>alert('x')</script> <img src=x onerror=alert(1)>\n"
            + "<a href=\"javascript:alert(1)\">clic</a> et la source : https://example.org/page?a=1&b=2";

    @Test
    @Order(10)
    void aCommentGoesTheWholeWayByMail() throws Exception {
        assertEquals(201, api.put("/api/posts/tout-le-chemin", """
                {"title": "Tout le chemin", "url": "https://blog.example.org/chemin", "language": "fr", "open": true}""",
                null).status());
        app.send(mail("w1@fanny.example", "\"Fanny <b onmouseover=alert(1)>\" <" + FANNY + ">", WHOLE_WAY,
                "Re: Tout le chemin", HOSTILE), FANNY);
        long id = api.await("/api/comments?post=tout-le-chemin", p -> p.getInt("total") == 1, WAIT)
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();

        // the owner's mail: its own, or (many wait already) the hourly digest
        app.advanceClock("PT61M");
        MimeMessage moderation = awaitMailTo(People.ADMIN, m -> text(m).contains("a=publish&c=" + id + "&"));
        assertEquals("auto-generated", moderation.getHeader("Auto-Submitted", null));
        String publish = local(linkIn(text(moderation), "a=publish&c=" + id + "&"));
        String reject = local(linkIn(text(moderation), "a=reject&c=" + id + "&"));

        // a GET (a mail scanner's prefetch) shows a page and changes nothing
        HttpResponse<String> page = http("GET", publish, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("method=\"post\""), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals("pending", api.getJson("/api/comments/" + id).getString("state"));
        // a tampered link does nothing either way
        String tampered = publish.replace("a=publish&c=" + id + "&", "a=publish&c=" + (id + 1) + "&");
        assertEquals(403, http("GET", tampered, null).statusCode());
        assertEquals(403, http("POST", tampered, "").statusCode());
        assertEquals("pending", api.getJson("/api/comments/" + id).getString("state"));
        // the page's button publishes
        assertEquals(200, http("POST", publish, "").statusCode());
        assertEquals("published", api.getJson("/api/comments/" + id).getString("state"));

        // the reader is told, with a one-click way out
        MimeMessage told = app.awaitMail(FANNY, 1, WAIT).get(0);
        assertTrue(told.getSubject().contains("Tout le chemin"), told.getSubject());
        assertEquals("<w1@fanny.example>", told.getHeader("In-Reply-To", null));
        String unsubscribe = told.getHeader("List-Unsubscribe", null);
        assertTrue(unsubscribe.contains("<mailto:coloc+unsubscribe@coloc.test") && unsubscribe.contains("/unsubscribe?"),
                unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", told.getHeader("List-Unsubscribe-Post", null));

        // published: under her name, never her address, the markup inert, the link to the source kept
        Api.Reply json = api.withoutCredentials().get("/api/public/posts/tout-le-chemin/comments");
        assertEquals(200, json.status(), json.text());
        JsonObject shown = json.json().getJsonArray("comments").getJsonObject(0);
        assertTrue(shown.getString("authorName").startsWith("Fanny"), shown.toString());
        assertInert(shown.getString("html"));
        assertTrue(Jsoup.parse(shown.getString("html")).select("a[href=https://example.org/page?a=1&b=2]").size() == 1,
                shown.getString("html"));
        Api.Reply atom = api.withoutCredentials().get("/feeds/comments/tout-le-chemin.atom");
        assertEquals(200, atom.status());
        Api.Reply embed = api.withoutCredentials().get("/embed/tout-le-chemin");
        assertEquals(200, embed.status());
        assertInert(embed.text());
        for (Api.Reply out : List.of(json, atom, embed)) {
            assertFalse(out.text().contains("fanny.example"), out.text());
            assertFalse(out.text().contains("<script"), out.text());
        }

        // answering the notification by mail is a reply to her comment, nested under it once published
        app.send(Mails.answer("w2@fanny.example", FANNY, told, "Et j'ajoute une précision.\n\nLe 20 nov. 2026, coloc a écrit :\n> texte cité"), FANNY);
        JsonObject nested = api.await("/api/comments?post=tout-le-chemin", p -> p.getInt("total") == 2, WAIT)
                .getJsonArray("items").getJsonObject(0);
        assertEquals(id, nested.getJsonNumber("parent").longValue(), nested.toString());
        assertEquals("Et j'ajoute une précision.", nested.getString("text"));

        // the owner answering his moderation mail writes no comment
        int messages = api.getJson("/api/messages").getInt("total");
        app.send(Mails.answer("o1@coloc.test", People.ADMIN, moderation, "Je regarde ça ce soir."), People.ADMIN);
        api.await("/api/messages", p -> p.getInt("total") == messages + 1, WAIT);
        assertEquals(2, api.getJson("/api/comments?post=tout-le-chemin").getInt("total"));

        // one click, and no more comment mail to her
        String oneClick = local(unsubscribe.substring(unsubscribe.indexOf("<http") + 1, unsubscribe.lastIndexOf('>')));
        assertEquals(200, http("GET", oneClick, null).statusCode(), "a page; nothing done yet");
        assertEquals(200, http("POST", oneClick, "List-Unsubscribe=One-Click").statusCode());
        assertEquals(200, api.patch("/api/comments/" + nested.getJsonNumber("id").longValue(),
                "{\"state\": \"published\"}", null).status());
        JsonObject tree = api.withoutCredentials().getJson("/api/public/posts/tout-le-chemin/comments");
        assertEquals(1, tree.getJsonArray("comments").size());
        assertEquals("Et j'ajoute une précision.", tree.getJsonArray("comments").getJsonObject(0)
                .getJsonArray("replies").getJsonObject(0).getString("text"));
        assertEquals(1, app.sentTo(FANNY).size(), "unsubscribed: not told of her second comment");

        // a moderation link past its 14 days is refused with its own answer
        app.advanceClock("P15D");
        assertEquals(410, http("GET", reject, null).statusCode());
    }

    @Test
    @Order(11)
    void fiftyXssVectorsMailedAsCommentsAreInertInEveryPublicOutput() throws Exception {
        assertEquals(201, api.put("/api/posts/xss", "{\"title\": \"XSS\", \"language\": \"en\", \"open\": true}", null)
                .status());
        // the first 50 of the OWASP list a mail can carry as it is (no NUL, no bare CR)
        List<String> vectors = XssVectorsTest.vectors().stream().filter(v -> v.indexOf('\0') < 0 && v.indexOf('\r') < 0)
                .limit(50).toList();
        assertEquals(50, vectors.size());
        int messages = api.getJson("/api/messages").getInt("total");
        for (int i = 0; i < vectors.size(); i++) {
            String from = "reader" + i + "@xss.example";
            app.send(mail("xss-" + i + "@xss.example", "Reader " + i + " <" + from + ">", "coloc+xss@coloc.test",
                    "Re: XSS", vectors.get(i)), from);
        }
        api.await("/api/messages", p -> p.getInt("total") == messages + vectors.size(), Duration.ofSeconds(120));
        // a vector that reads as a quote has no new text, and so is no comment: nothing of it is published
        long expected = vectors.stream().filter(v -> !ReplyText.newText(v).isEmpty()).count();
        JsonObject page = api.await("/api/comments?post=xss&limit=100", p -> p.getInt("total") == expected, WAIT);
        assertTrue(expected >= 45, "most vectors are comments: " + expected);
        for (JsonObject c : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertEquals(200, api.patch("/api/comments/" + c.getJsonNumber("id").longValue(),
                    "{\"state\": \"published\"}", null).status());
        }

        JsonObject json = api.withoutCredentials().getJson("/api/public/posts/xss/comments");
        List<JsonObject> shown = json.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(expected, shown.size());
        for (JsonObject c : shown) {
            assertInert(c.getString("html"));
        }
        Api.Reply embed = api.withoutCredentials().get("/embed/xss");
        assertEquals(200, embed.status());
        assertInert(embed.text());
        Api.Reply atom = api.withoutCredentials().get("/feeds/comments/xss.atom");
        assertEquals(200, atom.status());
        org.w3c.dom.NodeList contents = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(atom.body())).getElementsByTagName("content");
        assertEquals(Math.min(expected, 50), contents.getLength());
        for (int i = 0; i < contents.getLength(); i++) {
            assertInert(contents.item(i).getTextContent());
        }
        for (Api.Reply out : List.of(embed, atom)) {
            assertFalse(out.text().contains("xss.example"), "no reader's address");
        }
        assertFalse(json.toString().contains("xss.example"), "no reader's address");
    }

    /** Parsed as a browser would: no script, no event handler, no link but http(s). */
    private static void assertInert(String html) {
        org.jsoup.nodes.Document d = Jsoup.parse(html);
        assertTrue(d.select("script, iframe, object, embed, svg, img, style").isEmpty(), html);
        for (org.jsoup.nodes.Element e : d.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"),
                    html));
        }
        d.select("a[href]").forEach(a -> assertTrue(a.attr("href").startsWith("https://")
                || a.attr("href").startsWith("http://") || a.attr("href").startsWith("mailto:coloc+"), html));
    }

    private static MimeMessage awaitMailTo(String address, java.util.function.Predicate<MimeMessage> wanted)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < end) {
            for (MimeMessage m : app.sentTo(address)) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no such mail to " + address + " among " + app.sentTo(address).size());
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent() instanceof String s ? s : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** The URL in {@code text} that holds {@code marker}. */
    private static String linkIn(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at > 0, marker + " in " + text);
        int start = text.lastIndexOf("http", at);
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** A link of a mail (made for coloc.public-url) as this test's server serves it. */
    private static String local(String link) {
        int path = link.indexOf('/', link.indexOf("//") + 2);
        return app.baseUrl() + link.substring(path);
    }

    private static HttpResponse<String> http(String method, String url, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        b = form == null ? b.GET() : b.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Absent or null: JSON-B leaves null fields out. */
    private static boolean isNull(JsonObject o, String field) {
        return !o.containsKey(field) || o.isNull(field);
    }

    private static JsonObject byText(String post, String text) {
        return api.getJson("/api/comments?post=" + post).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("text").equals(text)).findFirst().orElseThrow();
    }

    /** The export without the ids (refs and parents) and the posts' own dates. */
    private static String strip(JsonObject export) {
        StringBuilder sb = new StringBuilder();
        export.getJsonArray("comments").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("post") + "|" + c.getString("state") + "|" + c.getString("authorName") + "|"
                        + c.getString("authorAddress", "") + "|" + c.getString("text") + "|"
                        + c.getString("messageId", "") + "|" + c.getString("receivedAt") + "|"
                        + c.getString("publishedAt", "") + "|" + c.getString("heldReason", "") + "|"
                        + c.getBoolean("spamSuspect") + "|" + (isNull(c, "parent") ? "" : "reply"))
                .sorted().forEach(s -> sb.append(s).append('\n'));
        export.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("slug") + "|" + p.getString("title") + "|" + p.getBoolean("open") + "|"
                        + p.getBoolean("createdByMail"))
                .sorted().forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    private static JsonObject first(String path) {
        JsonObject page = api.getJson(path);
        assertTrue(page.getInt("total") >= 1, path + ": " + page);
        return page.getJsonArray("items").getJsonObject(0);
    }

    private static byte[] mail(String id, String from, String to, String subject, String body) {
        return Mails.plain(id, from, to, subject, null, body.replace("\n", "\r\n"));
    }
}
