package org.coloc.comments.control;

import java.time.Instant;
import java.util.List;

/**
 * One published comment of the public tree, rendered.
 *
 * @param parent the published comment it answers (its nearest published ancestor), or null at the top
 * @param authorName the name shown, addresses masked
 * @param text the plain text, addresses masked (to be inserted as text, never as markup)
 * @param html the same text as safe HTML (see {@link CommentRendering#html})
 * @param replies the published answers to it, oldest first
 */
public record CommentNode(long id, Long parent, String authorName, String text, String html, Instant publishedAt,
        Instant updated, List<CommentNode> replies) {

    public CommentNode {
        replies = List.copyOf(replies);
    }
}
