package org.coloc.comments.control;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.platform.JsonInput;
import org.coloc.platform.Labelled;

/**
 * Every post and comment as one JSON document ({@code GET /api/comments/export}), and the reading of that same
 * document for {@code POST /api/comments/import}: posts by slug, comments with a {@code ref} (their id when
 * exported) that replies name as {@code parent}. Reading checks every field and the links between them (each
 * comment's post is in {@code posts}, each parent is a comment of the document on the same post, no reply loops)
 * and names each bad one by its path ({@code comments[3].parent}) in one 400. Pure code, linear in the document.
 */
public record CommentExport(int version, List<PostData> posts, List<CommentData> comments) {

    public static final int VERSION = 1;
    public static final int MAX_POSTS = 10_000;
    public static final int MAX_COMMENTS = 100_000;
    static final int MAX_REF = 40;
    static final Set<String> POST_FIELDS = Set.of("slug", "title", "url", "language", "open", "createdByMail",
            "created");
    static final Set<String> COMMENT_FIELDS = Set.of("ref", "post", "parent", "state", "authorName", "authorAddress",
            "language", "text", "messageId", "receivedAt", "publishedAt", "spamSuspect", "heldReason");

    public CommentExport {
        posts = posts == null ? List.of() : List.copyOf(posts);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public record PostData(String slug, String title, String url, String language, boolean open,
            boolean createdByMail, Instant created) {
    }

    public record CommentData(String ref, String post, String parent, String state, String authorName,
            String authorAddress, String language, String text, String messageId, Instant receivedAt,
            Instant publishedAt, boolean spamSuspect, String heldReason) {
    }

    /** The document as the export gives it (the import reads it back). */
    public static CommentExport of(List<Post> posts, List<Comment> comments) {
        Map<Long, String> slugs = new HashMap<>();
        posts.forEach(p -> slugs.put(p.getId(), p.getSlug()));
        return new CommentExport(VERSION, posts.stream().map(p -> new PostData(p.getSlug(), p.getTitle(), p.getUrl(),
                p.getLanguage(), p.isOpen(), p.isCreatedByMail(), p.getCreated())).toList(),
                comments.stream().map(c -> new CommentData(Long.toString(c.getId()), slugs.get(c.getPostId()),
                        c.getParentId() == null ? null : Long.toString(c.getParentId()), c.getState().label(),
                        c.getAuthorName(), c.getAuthorAddress(), c.getLanguage(), c.getText(), c.getMessageId(),
                        c.getReceivedAt(), c.getPublishedAt(), c.isSpamSuspect(), c.getHeldReason())).toList());
    }

    /**
     * The document read from a request body; its comments ordered so that a parent always comes before its
     * replies.
     *
     * @throws org.coloc.platform.InvalidInputException naming every bad field
     */
    public static CommentExport read(JsonValue body) {
        JsonInput in = JsonInput.of(body, Set.of("version", "posts", "comments"), Set.of());
        Long version = in.whole("version", false, VERSION, VERSION);
        List<PostData> posts = in.objects("posts", MAX_POSTS, POST_FIELDS, CommentExport::post);
        List<CommentData> comments = in.objects("comments", MAX_COMMENTS, COMMENT_FIELDS, CommentExport::comment);
        if (in.hasErrors()) {
            in.check();
        }
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            if (!slugs.add(posts.get(i).slug())) {
                in.error("posts[" + i + "].slug", "appears twice");
            }
        }
        Map<String, Integer> byRef = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            CommentData c = comments.get(i);
            if (byRef.putIfAbsent(c.ref(), i) != null) {
                in.error("comments[" + i + "].ref", "appears twice");
            }
            if (!slugs.contains(c.post())) {
                in.error("comments[" + i + "].post", "names no post of posts");
            }
        }
        for (int i = 0; i < comments.size(); i++) {
            CommentData c = comments.get(i);
            if (c.parent() == null) {
                continue;
            }
            Integer parent = byRef.get(c.parent());
            if (parent == null) {
                in.error("comments[" + i + "].parent", "names no comment of comments");
            } else if (!comments.get(parent).post().equals(c.post())) {
                in.error("comments[" + i + "].parent", "is a comment on another post");
            }
        }
        in.check();
        return new CommentExport(VERSION, posts, parentsFirst(comments, byRef, in));
    }

    /** The comments ordered by their depth in the reply tree; a loop of replies is an error. */
    private static List<CommentData> parentsFirst(List<CommentData> comments, Map<String, Integer> byRef,
            JsonInput in) {
        int n = comments.size();
        int[] depth = new int[n];
        java.util.Arrays.fill(depth, -1);
        for (int i = 0; i < n; i++) {
            // walk up to a comment of known depth (or the root), then write the depths on the way back
            List<Integer> path = new ArrayList<>();
            Set<Integer> onPath = new HashSet<>();
            int at = i;
            int known = 0;
            while (true) {
                if (depth[at] >= 0) {
                    known = depth[at] + 1;
                    break;
                }
                if (!onPath.add(at)) {
                    in.error("comments[" + at + "].parent", "makes a loop of replies");
                    in.check();
                }
                path.add(at);
                String parent = comments.get(at).parent();
                if (parent == null) {
                    known = 0;
                    break;
                }
                at = byRef.get(parent);
            }
            for (int k = path.size() - 1; k >= 0; k--) {
                depth[path.get(k)] = known++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(depth[a], depth[b]));
        return order.stream().map(comments::get).toList();
    }

    private static PostData post(JsonInput in) {
        String slug = in.string("slug", true, Integer.MAX_VALUE);
        if (slug != null && Slugs.problem(slug) != null) {
            in.error("slug", Slugs.problem(slug));
        }
        String title = in.string("title", true, Post.MAX_TITLE);
        String url = in.string("url", false, Post.MAX_URL);
        if (url != null && !PostInput.isWebAddress(url)) {
            in.error("url", "must be an http or https address");
        }
        String language = in.oneOf("language", PostInput.LANGUAGES, "fr");
        boolean open = in.bool("open", true);
        boolean createdByMail = in.bool("createdByMail", false);
        OffsetDateTime created = in.dateTime("created", false);
        return new PostData(slug, title, url, language, open, createdByMail,
                created == null ? null : created.toInstant());
    }

    private static CommentData comment(JsonInput in) {
        String ref = in.string("ref", true, MAX_REF);
        String post = in.string("post", true, Post.MAX_SLUG);
        String parent = in.string("parent", false, MAX_REF);
        String state = in.oneOf("state", Set.of("pending", "published", "rejected", "spam"), "pending");
        String authorName = in.string("authorName", true, Comment.MAX_AUTHOR_NAME);
        String authorAddress = in.string("authorAddress", false, Comment.MAX_ADDRESS);
        String language = in.oneOf("language", PostInput.LANGUAGES, "fr");
        String text = in.string("text", true, Comment.MAX_TEXT);
        String messageId = in.string("messageId", false, Comment.MAX_MESSAGE_ID);
        OffsetDateTime receivedAt = in.dateTime("receivedAt", true);
        OffsetDateTime publishedAt = in.dateTime("publishedAt", false);
        boolean spamSuspect = in.bool("spamSuspect", false);
        String heldReason = in.string("heldReason", false, Comment.MAX_HELD_REASON);
        if (ref != null && ref.equals(parent)) {
            in.error("parent", "is the comment itself");
        }
        return new CommentData(ref, post, parent, state, authorName, authorAddress, language, text, messageId,
                receivedAt == null ? null : receivedAt.toInstant(), publishedAt == null ? null : publishedAt.toInstant(),
                spamSuspect, heldReason);
    }

    /** The state of an imported comment. */
    public static CommentState state(CommentData c) {
        return Labelled.parse(CommentState.class, c.state());
    }
}
