package org.coloc.comments.boundary;

import java.time.Instant;
import org.coloc.comments.entity.Comment;

/**
 * A comment as the admin's API shows it: everything, the author's address included (it never leaves the admin's
 * API). {@code post} is the post's slug, {@code parent} the id of the comment it answers.
 */
public record CommentView(long id, String post, Long parent, String state, String authorName, String authorAddress,
        String language, String text, Instant receivedAt, Instant publishedAt, boolean spamSuspect, String heldReason,
        String messageId, Long inboundMailId, Instant updated) {

    static CommentView of(Comment c, String slug) {
        return new CommentView(c.getId(), slug, c.getParentId(), c.getState().label(), c.getAuthorName(),
                c.getAuthorAddress(), c.getLanguage(), c.getText(), c.getReceivedAt(), c.getPublishedAt(),
                c.isSpamSuspect(), c.getHeldReason(), c.getMessageId(), c.getInboundMailId(), c.getUpdated());
    }
}
