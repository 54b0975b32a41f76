package org.coloc.comments.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coloc.comments.control.SignedLinks.Action;
import org.coloc.comments.control.SignedLinks.Link;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;

/**
 * The admin's moderation mails: one per pending comment ({@code comment-moderation}), or one digest of those
 * waiting ({@code comment-moderation-digest}), each comment with its three signed links (publish, reject, spam)
 * to a confirmation page. The admin's own mail, so the author's address is shown. Pure code.
 *
 * @param links how the links are signed
 * @param publicUrl the base of the links ({@code coloc.public-url}, no trailing slash)
 * @param linkLife how long a link works ({@code coloc.comments.link-days})
 * @param zone the admin's time zone, for the dates shown
 */
public record ModerationMails(SignedLinks links, String publicUrl, Duration linkLife, ZoneId zone) {

    /** Comments listed in one digest at most: the mail stays readable; the rest are in the API's list. */
    public static final int DIGEST_MAX_ITEMS = 50;
    /** Characters of a comment's text a digest shows (a comment's own mail shows all of it). */
    public static final int DIGEST_EXCERPT = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** A pending comment, its post, and the name of the author it answers (null for a comment on the post). */
    public record Pending(CommentFacts comment, PostFacts post, String parentAuthor) {
    }

    /** The mail about one pending comment, to the admin, in his language. */
    public NewMail one(Pending p, String admin, String language, Instant now) {
        return NewMail.template(OutboxKind.COMMENT_MODERATION, List.of(admin), "comment-moderation", language,
                values(p, now, false)).moderating(p.comment().id());
    }

    /**
     * One digest of the pending comments (oldest first), the first {@link #DIGEST_MAX_ITEMS} listed with their
     * links; its Message-ID names the newest listed.
     */
    public NewMail digest(List<Pending> pending, String admin, String language, Instant now) {
        if (pending.isEmpty()) {
            throw new IllegalArgumentException("a digest lists at least one comment");
        }
        List<Pending> listed = pending.subList(0, Math.min(pending.size(), DIGEST_MAX_ITEMS));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Pending p : listed) {
            items.add(values(p, now, true));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("pendingCount", pending.size());
        values.put("pendingComments", items);
        values.put("more", pending.size() > listed.size());
        values.put("moreCount", pending.size() - listed.size());
        values.put("listUrl", publicUrl + "/api/comments?state=pending");
        values.put("expires", day(expiry(now)));
        return NewMail.template(OutboxKind.COMMENT_MODERATION, List.of(admin), "comment-moderation-digest", language,
                values).moderating(listed.get(listed.size() - 1).comment().id());
    }

    /** The link to the confirmation page of one action on one comment. */
    public String link(Action action, long commentId, Instant now) {
        return publicUrl + "/moderate?" + links.query(Link.moderation(action, commentId, expiry(now)));
    }

    /** What the templates say of one comment (also each item of a digest); {@code excerpt}: the digest's cut text. */
    public Map<String, Object> values(Pending p, Instant now, boolean excerpt) {
        CommentFacts c = p.comment();
        PostFacts post = p.post();
        Map<String, Object> v = new HashMap<>();
        v.put("commentId", c.id());
        v.put("slug", post.slug());
        v.put("postTitle", post.title());
        v.put("postUrl", post.hasUrl() ? post.url() : "");
        v.put("hasPostUrl", post.hasUrl());
        v.put("authorName", c.authorName());
        v.put("authorAddress", c.authorAddress() == null ? "" : c.authorAddress());
        v.put("hasAuthorAddress", c.authorAddress() != null && !c.authorAddress().isBlank());
        v.put("received", when(c.receivedAt()));
        v.put("isReply", p.parentAuthor() != null);
        v.put("parentAuthor", p.parentAuthor() == null ? "" : p.parentAuthor());
        String text = c.text() == null ? "" : c.text().strip();
        boolean cut = excerpt && text.length() > DIGEST_EXCERPT;
        v.put("text", cut ? text.substring(0, cutAt(text, DIGEST_EXCERPT)) + " […]" : text);
        boolean unknownPost = post.createdByMail();
        boolean closedPost = !post.open() && !unknownPost;
        boolean held = c.heldReason() != null && !c.heldReason().isBlank();
        v.put("unknownPost", unknownPost);
        v.put("closedPost", closedPost);
        v.put("spamSuspect", c.spamSuspect());
        v.put("hasHeldReason", held);
        v.put("heldReason", held ? c.heldReason() : "");
        v.put("usual", !unknownPost && !closedPost && !c.spamSuspect() && !held);
        v.put("publishUrl", link(Action.PUBLISH, c.id(), now));
        v.put("rejectUrl", link(Action.REJECT, c.id(), now));
        v.put("spamUrl", link(Action.SPAM, c.id(), now));
        v.put("expires", day(expiry(now)));
        return v;
    }

    private Instant expiry(Instant now) {
        return now.plus(linkLife).truncatedTo(ChronoUnit.SECONDS);
    }

    private String when(Instant t) {
        return t == null ? "?" : WHEN.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private String day(Instant t) {
        return WHEN.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** Never inside a surrogate pair. */
    private static int cutAt(String text, int at) {
        return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }
}
