package org.coloc.comments.control;

import java.time.Instant;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;

/** What the mails about a comment say of it, read from the entity once (so the mail code is pure and testable). */
public record CommentFacts(long id, Long parentId, CommentState state, String authorName, String authorAddress,
        String language, String text, String messageId, Long inboundMailId, Instant receivedAt, boolean spamSuspect,
        String heldReason) {

    public static CommentFacts of(Comment c) {
        return new CommentFacts(c.getId(), c.getParentId(), c.getState(), c.getAuthorName(), c.getAuthorAddress(),
                c.getLanguage(), c.getText(), c.getMessageId(), c.getInboundMailId(), c.getReceivedAt(),
                c.isSpamSuspect(), c.getHeldReason());
    }

    /** Taken from a mail, not imported (an imported comment was told about long ago, elsewhere, if at all). */
    public boolean fromMail() {
        return inboundMailId != null;
    }
}
