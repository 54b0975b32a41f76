package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.coloc.comments.control.CommentFacts;
import org.coloc.comments.control.ConfirmationPages;
import org.coloc.comments.control.ModerationMails;
import org.coloc.comments.control.PostFacts;
import org.coloc.comments.control.SignedLinks;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.outbox.entity.OutboxKind;

/**
 * The admin's side of moderation by mail. A comment stored pending gets its own mail to the admin, with signed
 * links to publish, reject or mark it as spam; but never a flood: while more than
 * {@code coloc.comments.digest-after} comments wait, or that many moderation mails went within the hour, a new
 * one waits for the digest instead, which {@link ModerationDigests} sends at most once an hour, listing every
 * pending comment. The signed links lead to {@link ModerationEndpoint}, which acts here, by
 * {@link Comments#moderate}.
 */
@Stateless
public class Moderation extends CommentBean {

    private static final Logger LOG = Logger.getLogger(Moderation.class.getName());
    /** The actor the change log names for a signed link. */
    public static final String ACTOR = "signed-link";
    static final Duration DIGEST_EVERY = Duration.ofHours(1);

    @EJB
    Comments comments;

    /** In the transaction that stored the comment: its moderation mail commits with it, or neither does. */
    public void onStored(@Observes CommentStored stored) {
        Comment c = em.find(Comment.class, stored.commentId());
        if (c == null || c.getState() != CommentState.PENDING || c.getModerationMailedAt() != null) {
            return;
        }
        long pending = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.state = :pending", Long.class)
                .setParameter("pending", CommentState.PENDING).getSingleResult();
        int limit = settings.digestAfter();
        if (pending > limit || outbox.recentlySent(OutboxKind.COMMENT_MODERATION, admin(), DIGEST_EVERY) >= limit) {
            LOG.info(() -> "Comment " + c.getId() + " waits for the moderation digest: " + pending + " pending");
            return;
        }
        Instant now = clock.instant();
        outbox.queue(mails().one(pending(c), admin(), coloc.adminLanguage(), now));
        c.setModerationMailedAt(now);
    }

    /**
     * The digest, when pending comments were not told yet and no moderation mail went within the hour: one mail
     * listing every pending comment, oldest first. Returns how many it told of for the first time.
     */
    public int sendDigest() {
        List<Comment> untold = em.createQuery("SELECT c FROM Comment c WHERE c.state = :pending"
                + " AND c.moderationMailedAt IS NULL", Comment.class)
                .setParameter("pending", CommentState.PENDING).setMaxResults(1).getResultList();
        if (untold.isEmpty() || outbox.recentlySent(OutboxKind.COMMENT_MODERATION, admin(), DIGEST_EVERY) > 0) {
            return 0;
        }
        List<Comment> all = em.createQuery("SELECT c FROM Comment c WHERE c.state = :pending"
                + " ORDER BY c.receivedAt, c.id", Comment.class).setParameter("pending", CommentState.PENDING)
                .getResultList();
        List<ModerationMails.Pending> listed = new ArrayList<>();
        for (Comment c : all) {
            listed.add(pending(c));
        }
        Instant now = clock.instant();
        outbox.queue(mails().digest(listed, admin(), coloc.adminLanguage(), now));
        int told = 0;
        for (Comment c : all) {
            if (c.getModerationMailedAt() == null) {
                c.setModerationMailedAt(now);
                told++;
            }
        }
        return told;
    }

    /** What a signed link's page shows of its comment; empty when the comment was deleted. */
    public Optional<ConfirmationPages.Shown> shown(long commentId) {
        Comment c = em.find(Comment.class, commentId);
        if (c == null) {
            return Optional.empty();
        }
        Post p = em.find(Post.class, c.getPostId());
        return Optional.of(new ConfirmationPages.Shown(c.getId(), p == null ? "?" : p.getTitle(),
                p == null ? null : p.getUrl(), c.getAuthorName(), c.getText(), c.getState().label()));
    }

    /** The POST of a signed link's page: the comment moderated (a checked link only), as it is now. */
    public Optional<ConfirmationPages.Shown> act(SignedLinks.Link link) {
        if (!link.action().onComment() || em.find(Comment.class, link.commentId()) == null) {
            return Optional.empty();
        }
        CommentState state = switch (link.action()) {
            case PUBLISH -> CommentState.PUBLISHED;
            case REJECT -> CommentState.REJECTED;
            case SPAM -> CommentState.SPAM;
            case UNSUBSCRIBE -> throw new IllegalArgumentException("not a moderation link");
        };
        comments.moderate(link.commentId(), state, ACTOR);
        return shown(link.commentId());
    }

    private ModerationMails.Pending pending(Comment c) {
        Post post = em.find(Post.class, c.getPostId());
        String parentAuthor = null;
        if (c.getParentId() != null) {
            Comment parent = em.find(Comment.class, c.getParentId());
            parentAuthor = parent == null ? "?" : parent.getAuthorName();
        }
        // a post deleted under its comments still leaves them to moderate
        PostFacts facts = post == null ? new PostFacts("?", "?", null, c.getLanguage(), false, false) : PostFacts.of(post);
        return new ModerationMails.Pending(CommentFacts.of(c), facts, parentAuthor);
    }

    private ModerationMails mails() {
        return links.moderationMails();
    }

    private String admin() {
        return coloc.adminReportAddress();
    }
}
