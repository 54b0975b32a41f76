package org.coloc.comments.control;

import java.time.Instant;

/**
 * A published comment as read from the database, before rendering: never its author's address.
 *
 * @param parentId the comment it answers as stored (published or not, of this post or not), or null
 * @param updated its last change (Atom's {@code updated})
 */
public record PublicComment(long id, Long parentId, String authorName, String text, Instant publishedAt,
        Instant updated) {
}
