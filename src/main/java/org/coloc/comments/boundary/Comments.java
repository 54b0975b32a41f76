package org.coloc.comments.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.platform.ProblemException;
import org.coloc.platform.changes.ChangeLog;

/**
 * The admin's work on comments: moderation (from the API or a signed link), and (to come) list, edit, delete,
 * export and import.
 */
@Stateless
public class Comments {

    /** The change log's name for a comment. */
    public static final String TYPE = "comment";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ChangeLog changes;

    @Inject
    Event<CommentModerated> moderated;

    /**
     * Moves a comment to {@code state} (404 for an unknown id); the change is logged and {@link CommentModerated}
     * fired when the state really changes. Returns the comment as it is now.
     */
    public Comment moderate(long id, CommentState state, String actor) {
        Comment c = em.find(Comment.class, id);
        if (c == null) {
            throw ProblemException.notFound("No comment " + id + ".");
        }
        CommentState before = c.getState();
        if (before != state) {
            c.moveTo(state, clock.instant());
            changes.record(actor, TYPE, id, "moderate", before.label(), state.label());
            moderated.fire(new CommentModerated(id, before, state, actor));
        }
        return c;
    }
}
