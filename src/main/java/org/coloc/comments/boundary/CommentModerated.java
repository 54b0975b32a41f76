package org.coloc.comments.boundary;

import org.coloc.comments.entity.CommentState;

/**
 * A comment changed state (the admin's PATCH, or his signed one-click link); fired synchronously inside the
 * transaction of the change, so the notifications it causes ("your comment is published", "someone replied")
 * are queued with it.
 */
public record CommentModerated(long commentId, CommentState before, CommentState after, String actor) {
}
