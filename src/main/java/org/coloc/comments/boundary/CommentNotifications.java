package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;
import org.coloc.cases.control.CaseSettings;
import org.coloc.comments.control.CommentFacts;
import org.coloc.comments.control.PostFacts;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;

/**
 * Tells readers when a comment is published for the first time (by the admin, or at once for a trusted sender):
 * its author, and the author of the comment it answers (see
 * {@link org.coloc.comments.control.ReaderNotifications}). In the transaction of the change, so the mails commit
 * with it. Never to an address that opted out ({@link OptOuts}), nor beyond the acknowledgement limit of cases
 * ({@code coloc.cases.ack-limit} mails per address within {@code coloc.cases.ack-window-hours}), counted over
 * the notifications already sent to that address.
 */
@Stateless
public class CommentNotifications extends CommentBean {

    private static final Logger LOG = Logger.getLogger(CommentNotifications.class.getName());

    @Inject
    CaseSettings cases;

    @EJB
    OptOuts optOuts;

    public void onModerated(@Observes CommentModerated moderated) {
        if (moderated.after() == CommentState.PUBLISHED) {
            tell(moderated.commentId());
        }
    }

    /** A comment taken from a mail and published at once (its sender is trusted: auto-approve-after). */
    public void onStored(@Observes CommentStored stored) {
        Comment c = em.find(Comment.class, stored.commentId());
        if (c != null && c.getState() == CommentState.PUBLISHED && c.getInboundMailId() != null) {
            tell(c.getId());
        }
    }

    private void tell(long commentId) {
        Comment c = em.find(Comment.class, commentId);
        // the first publication only: published, rejected by mistake, published again tells nobody twice
        if (c == null || c.getNotifiedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        c.setNotifiedAt(now);
        Post post = em.find(Post.class, c.getPostId());
        if (post == null) {
            return;
        }
        Comment parent = c.getParentId() == null ? null : em.find(Comment.class, c.getParentId());
        for (NewMail mail : links.readerNotifications().published(CommentFacts.of(c),
                parent == null ? null : CommentFacts.of(parent), PostFacts.of(post), this::mayMail, now)) {
            outbox.queue(mail);
        }
    }

    /** Not ourselves, not opted out, within the rate limit. */
    private boolean mayMail(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.equalsIgnoreCase(coloc.address()) || a.equalsIgnoreCase(settings.address()) || optOuts.optedOut(a)) {
            return false;
        }
        if (outbox.recentlySent(OutboxKind.COMMENT_NOTIFICATION, a, cases.ackWindow()) >= cases.ackLimit()) {
            LOG.info(() -> "No comment notification to " + a + ": " + cases.ackLimit() + " already sent within "
                    + cases.ackWindow().toHours() + " h (coloc.cases.ack-limit)");
            return false;
        }
        return true;
    }
}
