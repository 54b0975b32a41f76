package org.coloc.comments.entity;

import org.coloc.platform.Labelled;

/**
 * Where a comment stands. A comment arrives {@code pending} (or published at once when its sender has enough
 * published comments, see {@code coloc.comments.auto-approve-after}); the admin publishes, rejects or marks it
 * as spam. Only published comments are shown anywhere public.
 */
public enum CommentState implements Labelled {
    PENDING, PUBLISHED, REJECTED, SPAM;

    /** Longest label, for the column. */
    public static final int MAX_LABEL = 20;
}
