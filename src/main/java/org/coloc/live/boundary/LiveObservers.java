package org.coloc.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.cases.boundary.CaseChanged;
import org.coloc.comments.boundary.CommentModerated;
import org.coloc.comments.boundary.CommentStored;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.Post;
import org.coloc.intake.control.MailStored;
import org.coloc.live.control.LiveEvent;
import org.coloc.platform.changes.RecordChanged;

/**
 * Turns what the other areas fire into the dashboard's live events, sent only after the transaction that caused them
 * committed ({@code AFTER_SUCCESS}): a batch that rolls back tells nobody, and a client never hears of a case before
 * the API can show it. The areas know nothing of this one.
 */
@ApplicationScoped
public class LiveObservers {

    private static final Logger LOG = Logger.getLogger(LiveObservers.class.getName());

    @Inject
    LiveStreams streams;

    @Inject
    Event<LiveEvent> committed;

    @PersistenceContext
    EntityManager em;

    void mailStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailStored m) {
        streams.publish(LiveEvent.messageReceived(m.id(), m.classification(), m.status()));
    }

    void recordChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChanged c) {
        streams.publish(LiveEvent.recordChanged(c.type(), c.id(), c.action()));
    }

    void caseChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseChanged c) {
        streams.publish(LiveEvent.caseChanged(c.number(), c.state() == null ? null : c.state().label(),
                c.reason().label()));
    }

    /**
     * Inside the comment's transaction (its post's slug is read there, from what the transaction holds); the event
     * itself waits for the commit ({@link #send}).
     */
    void commentStored(@Observes CommentStored stored) {
        comment(stored.commentId(), false);
    }

    void commentModerated(@Observes CommentModerated moderated) {
        comment(moderated.commentId(), true);
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveEvent event) {
        streams.publish(event);
    }

    private void comment(long id, boolean moderated) {
        // never let a live event fail the comment's transaction
        try {
            Comment c = em.find(Comment.class, id);
            if (c == null) {
                return;
            }
            Post post = em.find(Post.class, c.getPostId());
            String slug = post == null ? null : post.getSlug();
            String state = c.getState().label();
            committed.fire(moderated ? LiveEvent.commentModerated(id, slug, state)
                    : LiveEvent.commentReceived(id, slug, state));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No live event for comment " + id, e);
        }
    }
}
