package org.coloc.comments.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.coloc.platform.AtomWriter;
import org.coloc.platform.Html;

/**
 * The three public forms of a post's published comments, written from the rendered tree: JSON (for the blog's own
 * code), Atom 1.0 (feed readers) and an HTML fragment (the embed, included server-side or shown in an iframe).
 * None carries an e-mail address but one, on purpose: the embed names the post's own comment address, the
 * collective's, for readers to write to. Pure code.
 */
public final class CommentFeeds {

    /** Public and short: a reader sees a newly published comment within a minute; 304s make the asking cheap. */
    public static final String CACHE_CONTROL = "public, max-age=60";

    /** The date part of the feeds' {@code tag:} URIs (RFC 4151): fixed, so that ids never change. */
    static final String TAG_DATE = "2025";

    private CommentFeeds() {
    }

    /** A comment with its post: one entry of a feed. */
    public record Entry(PublicPost post, CommentNode comment) {
    }

    /** What a feed is about: its id's last part, title, own address and the page it is about (may be null). */
    public record FeedHead(String name, String title, String self, String alternate) {
    }

    // ---------------------------------------------------------------- JSON

    /**
     * {@code {post: {slug, title, url}, comments: [{id, parent, authorName, text, html, publishedAt, replies}]}}.
     * {@code <}, {@code >} and {@code &} are written as {@code \u003c}… so that the JSON may sit inside an HTML
     * {@code <script>} block too without closing it.
     */
    public static byte[] json(JsonProvider json, PublicPost post, List<CommentNode> tree) {
        JsonObjectBuilder p = json.createObjectBuilder().add("slug", post.slug())
                .add("title", CommentRendering.text(post.title()));
        if (post.url() == null) {
            p.addNull("url");
        } else {
            p.add("url", post.url());
        }
        String text = json.createObjectBuilder().add("post", p).add("comments", nodes(json, tree)).build().toString();
        return inertInHtml(text).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonArrayBuilder nodes(JsonProvider json, List<CommentNode> nodes) {
        JsonArrayBuilder array = json.createArrayBuilder();
        for (CommentNode n : nodes) {
            JsonObjectBuilder o = json.createObjectBuilder().add("id", n.id());
            if (n.parent() == null) {
                o.addNull("parent");
            } else {
                o.add("parent", n.parent());
            }
            o.add("authorName", n.authorName()).add("text", n.text()).add("html", n.html())
                    .add("publishedAt", DateTimeFormatter.ISO_INSTANT.format(n.publishedAt()))
                    .add("replies", nodes(json, n.replies()));
            array.add(o);
        }
        return array;
    }

    /** Outside strings JSON has none of these characters; inside, the escape means the same. */
    static String inertInHtml(String json) {
        StringBuilder b = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- Atom

    /** Every comment of a tree, newest first (the order of a feed). */
    public static List<Entry> newestFirst(PublicPost post, List<CommentNode> tree, int limit) {
        List<Entry> all = new ArrayList<>();
        List<CommentNode> todo = new ArrayList<>(tree);
        for (int i = 0; i < todo.size(); i++) {
            CommentNode n = todo.get(i);
            all.add(new Entry(post, n));
            todo.addAll(n.replies());
        }
        return all.stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    public static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.comment().publishedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(e -> e.comment().id()).reversed();

    /**
     * An Atom 1.0 feed (RFC 4287): one entry per comment, its id a {@code tag:} URI of the comment's number (no
     * {@code @}: the authority is a domain), titled "author on post" ("sur" for a French post), its content the
     * sanitized HTML, linked to the comment on the post's page.
     *
     * @param authority the domain of the {@code tag:} URIs
     * @param base the application's public URL: where a post without its own page is read (the embed)
     */
    public static byte[] atom(FeedHead head, List<Entry> entries, String authority, String base) {
        return AtomWriter.feed(null, atom -> {
            atom.element("id", tag(authority, head.name()));
            atom.element("title", head.title());
            atom.element("updated", time(entries.stream().map(e -> updated(e.comment())).max(Instant::compareTo)
                    .orElse(Instant.EPOCH)));
            atom.author("la coloc");
            atom.link("self", head.self(), "application/atom+xml");
            if (head.alternate() != null) {
                atom.link("alternate", head.alternate(), "text/html");
            }
            for (Entry e : entries) {
                CommentNode c = e.comment();
                atom.entry(entry -> {
                    entry.element("id", tag(authority, "comment-" + c.id()));
                    entry.element("title", c.authorName() + (CommentRendering.french(e.post().language())
                            ? " sur " : " on ") + CommentRendering.text(e.post().title()));
                    entry.element("published", time(c.publishedAt()));
                    entry.element("updated", time(updated(c)));
                    entry.author(c.authorName());
                    entry.link("alternate", pageOf(e.post(), base) + "#comment-" + c.id(), "text/html");
                    entry.content("html", c.html());
                });
            }
        });
    }

    /** {@code tag:<domain>,2025:<name>}. */
    public static String tag(String authority, String name) {
        return "tag:" + authority + "," + TAG_DATE + ":" + name;
    }

    /** The post's page on the blog, or the embed coloc serves for it. */
    public static String pageOf(PublicPost post, String base) {
        return post.url() != null ? post.url() : base + "/embed/" + post.slug();
    }

    private static Instant updated(CommentNode c) {
        if (c.updated() == null) {
            return c.publishedAt();
        }
        return c.publishedAt() != null && c.publishedAt().isAfter(c.updated()) ? c.publishedAt() : c.updated();
    }

    private static String time(Instant at) {
        return AtomWriter.time(at == null ? Instant.EPOCH : at);
    }

    // ---------------------------------------------------------------- embed

    /**
     * The embed: an HTML fragment with the comments as nested {@code <ol>/<li id="comment-N">} (author,
     * {@code <time datetime>}, text), then where to write ({@code mailto:} the post's address) or that comments
     * are closed. No script, no style, no image, no external resource: class names only, for the blog's stylesheet.
     *
     * @param postAddress the post's comment address (the collective's own, never a reader's)
     * @param zone where dates are shown in
     */
    public static byte[] embed(PublicPost post, List<CommentNode> tree, String postAddress, ZoneId zone) {
        boolean fr = CommentRendering.french(post.language());
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"coloc-comments\" id=\"comments\" lang=\"").append(fr ? "fr" : "en").append("\">\n");
        int count = count(tree);
        b.append("<h2 class=\"coloc-comments-title\">");
        if (fr) {
            b.append(count == 0 ? "Commentaires" : count == 1 ? "1 commentaire" : count + " commentaires");
        } else {
            b.append(count == 0 ? "Comments" : count == 1 ? "1 comment" : count + " comments");
        }
        b.append("</h2>\n");
        if (tree.isEmpty()) {
            b.append("<p class=\"coloc-comments-none\">")
                    .append(fr ? "Pas encore de commentaire." : "No comments yet.").append("</p>\n");
        } else {
            list(b, tree, "coloc-comments-list", fr, zone);
        }
        b.append("<p class=\"coloc-comments-write\">");
        if (post.open()) {
            String href = "mailto:" + postAddress + "?subject=" + mailtoEncode(
                    "[blog:" + post.slug() + "] " + CommentRendering.text(post.title()));
            b.append(fr ? "Pour commenter, écrivez à " : "To comment, write to ").append("<a href=\"")
                    .append(Html.escape(href)).append("\">").append(Html.escape(postAddress)).append("</a>.");
        } else {
            b.append(fr ? "Les commentaires sont fermés." : "Comments are closed.");
        }
        b.append("</p>\n</section>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void list(StringBuilder b, List<CommentNode> nodes, String css, boolean fr, ZoneId zone) {
        b.append("<ol class=\"").append(css).append("\">\n");
        DateTimeFormatter shown = fr
                ? DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
                : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
        for (CommentNode n : nodes) {
            b.append("<li class=\"coloc-comment\" id=\"comment-").append(n.id()).append("\">\n");
            b.append("<p class=\"coloc-comment-meta\"><span class=\"coloc-comment-author\">")
                    .append(Html.escape(n.authorName())).append("</span>, <time datetime=\"")
                    .append(time(n.publishedAt())).append("\">")
                    .append(Html.escape(shown.format((n.publishedAt() == null ? Instant.EPOCH : n.publishedAt())
                            .atZone(zone))))
                    .append("</time></p>\n");
            b.append("<div class=\"coloc-comment-text\">").append(CommentRendering.htmlForFrame(n.text()))
                    .append("</div>\n");
            if (!n.replies().isEmpty()) {
                list(b, n.replies(), "coloc-comment-replies", fr, zone);
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    private static int count(List<CommentNode> nodes) {
        int n = 0;
        List<CommentNode> todo = new ArrayList<>(nodes);
        for (int i = 0; i < todo.size(); i++) {
            n++;
            todo.addAll(todo.get(i).replies());
        }
        return n;
    }

    /** RFC 6068: everything but unreserved characters percent-encoded as UTF-8 (a space is %20, not +). */
    static String mailtoEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
