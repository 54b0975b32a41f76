package org.coloc.comments.boundary;

/**
 * A comment was taken from a mail (or imported) and stored, pending or already published; fired synchronously
 * inside the transaction that stored it, so mail queued by an observer (the admin's moderation mail) commits
 * with it.
 */
public record CommentStored(long commentId) {
}
