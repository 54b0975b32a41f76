package org.coloc.outbox.entity;

import java.util.Optional;
import org.coloc.platform.Labelled;

/**
 * What an outgoing mail is, and what that implies for its headers. The label is what the {@code KIND} column
 * and {@code GET /api/outbox?kind=} have always said.
 *
 * <ul>
 * <li>{@code aboutCase}: the mail belongs to a support case: its subject carries the case tag
 * ({@code [coloc #N] Re: …}) and its Message-ID the case number with a keyed hash, so answers thread back
 * into the case.</li>
 * <li>{@code autoSubmitted}: the RFC 3834 {@code Auto-Submitted} value, null for what a person wrote:
 * {@code auto-replied} for an automatic answer to a mail, {@code auto-generated} for what a timer
 * produced. Auto-responders (out of office…) do not answer mail that carries it.</li>
 * </ul>
 *
 * <p>Blog comments (issue 11): {@link #COMMENT_NOTIFICATION} and {@link #COMMENT_MODERATION} carry a keyed
 * Message-ID naming their comment ({@code aboutComment}), so an answer by mail finds it.
 */
public enum OutboxKind implements Labelled {

    /** The automatic answer to a new case's first mail. */
    ACKNOWLEDGEMENT(true, "auto-replied"),
    /** The admin's answer in a case, sent as he wrote it. */
    REPLY(true, null),
    /** The digest of cases waiting for the admin, to the admin. */
    REMINDER(false, "auto-generated"),
    /** The courteous mail that closes a case whose requester went silent. */
    CLOSING(true, "auto-generated"),
    /** The daily list of expiring certificates, to the admin. */
    CERTIFICATE_REPORT(false, "auto-generated"),
    /**
     * A maintenance notice to one member (announcement, reminder, start, new window, cancellation, end), written
     * by the application from the admin's record, so {@code auto-generated}: out-of-office responders stay
     * quiet, while the member's own answer is welcome and lands in the case of that maintenance. Its Message-ID
     * names the maintenance and the member ({@code OutgoingIds.createNotice}); it may carry a calendar
     * invitation; no case tag, no {@code List-Unsubscribe} (a service mail, not a list).
     */
    NOTICE(false, "auto-generated"),
    /**
     * To a reader: "your comment is published" or "someone replied to your comment". Answering it by mail posts
     * a reply to that comment. Always with one-click {@code List-Unsubscribe} (RFC 8058).
     */
    COMMENT_NOTIFICATION(false, "auto-generated"),
    /** The automatic answer to a reader who mailed a comment (e.g. refused: too long). */
    COMMENT_CONFIRMATION(false, "auto-replied"),
    /** To the admin: a pending comment (or a digest of them) with signed one-click moderation links. */
    COMMENT_MODERATION(false, "auto-generated");

    /** The length of the {@code KIND} column. */
    public static final int MAX_LABEL = 30;

    private final boolean aboutCase;
    private final String autoSubmitted;

    OutboxKind(boolean aboutCase, String autoSubmitted) {
        this.aboutCase = aboutCase;
        this.autoSubmitted = autoSubmitted;
    }

    /** Tagged subject and case-keyed Message-ID: the mail belongs to a case. */
    public boolean aboutCase() {
        return aboutCase;
    }

    /** Its Message-ID names a comment ({@link org.coloc.outbox.control.NewMail.CommentThread}). */
    public boolean aboutComment() {
        return this == COMMENT_NOTIFICATION || this == COMMENT_MODERATION;
    }

    /** {@code Auto-Submitted} of RFC 3834, or null: a person wrote it. */
    public String autoSubmitted() {
        return autoSubmitted;
    }

    /** The kind of this label; empty for none (a filter naming no kind matches no mail). */
    public static Optional<OutboxKind> ofLabel(String label) {
        return Labelled.find(OutboxKind.class, label);
    }
}
