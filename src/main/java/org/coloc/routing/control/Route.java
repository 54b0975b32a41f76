package org.coloc.routing.control;

import java.util.Objects;
import org.coloc.cases.control.DeliveryStatus;

/**
 * What becomes of one incoming mail: the {@link MailRouter}'s decision, applied in one place inside the
 * intake's transaction ({@code routing.boundary.MailRouting}).
 *
 * <p>Adding a mail flow (a reader's comment on post S, a reply to comment C, a member's reply to maintenance
 * notice M) is: a new record here, its line in {@link #applyWith}, a new {@link Handler} method, a new rule in
 * the router. The records and rules already here stay as they are; the compiler then points at the one place that
 * must learn to apply the new decision, because every {@link Handler} must implement every method. (Java 17 has no
 * pattern matching for {@code switch}; with Java 21 {@link #applyWith} becomes an exhaustive {@code switch} over
 * this sealed interface.)
 */
public sealed interface Route permits Route.NewCase, Route.AddToCase, Route.AutoReplyJoins, Route.BounceOf,
        Route.OpenNoticeCase, Route.NoticeBounceOf, Route.NewComment, Route.CommentOptOut, Route.Ignore {

    /** Who the mail speaks for once it is in a case. */
    enum As {
        /** Incoming mail: the requester's, a participant's, or anybody's who named a mail of the case. */
        CORRESPONDENT,
        /** The admin's answer from his own mail client, proven his: recorded as sent, never sent again. */
        ADMIN
    }

    /** Applies a decision: one method per kind of decision. */
    interface Handler<R> {
        R newCase(NewCase route);

        R addToCase(AddToCase route);

        R autoReplyJoins(AutoReplyJoins route);

        R bounceOf(BounceOf route);

        R openNoticeCase(OpenNoticeCase route);

        R noticeBounceOf(NoticeBounceOf route);

        R newComment(NewComment route);

        R commentOptOut(CommentOptOut route);

        R ignore(Ignore route);
    }

    /**
     * Hands this decision to the handler's method for its kind. Java 17 has no pattern matching for {@code switch}:
     * the kinds are tried in turn here, the one place that dispatches; {@code RouteTest} checks that every permitted
     * kind reaches its own method.
     */
    default <R> R applyWith(Handler<R> handler) {
        return this instanceof NewCase r ? handler.newCase(r)
                : this instanceof AddToCase r ? handler.addToCase(r)
                : this instanceof AutoReplyJoins r ? handler.autoReplyJoins(r)
                : this instanceof BounceOf r ? handler.bounceOf(r)
                : this instanceof OpenNoticeCase r ? handler.openNoticeCase(r)
                : this instanceof NoticeBounceOf r ? handler.noticeBounceOf(r)
                : this instanceof NewComment r ? handler.newComment(r)
                : this instanceof CommentOptOut r ? handler.commentOptOut(r)
                : handler.ignore((Ignore) this);
    }

    /** A new case opened by this mail; {@code foreignTag}: it carried the tag of a case its sender is not part of. */
    record NewCase(boolean foreignTag, As as) implements Route {
        public NewCase {
            Objects.requireNonNull(as, "as");
        }
    }

    /** The mail joins case N; {@code rule}: which threading rule found it (references, tag, subject). */
    record AddToCase(long caseNumber, As as, String rule) implements Route {
        public AddToCase {
            Objects.requireNonNull(as, "as");
        }
    }

    /** An auto-reply (out of office…) to a mail of case N joins its thread, changing nothing else. */
    record AutoReplyJoins(long caseNumber) implements Route {
    }

    /** What a delivery report about one of our mails says of the address it went to. */
    interface DeliveryReport {

        /** The status as the report gives it (e.g. "5.1.1"), may be null. */
        String status();

        /** A warning that delivery is still being tried: the address must not be marked failing. */
        default boolean delay() {
            return DeliveryStatus.isDelay(status());
        }
    }

    /**
     * A delivery report about our mail {@code ourMessageId} of case N, which went to {@code address}: delivery
     * there failed, or is delayed ({@link #delay()}); {@code status} as the report gives it, may be null.
     */
    record BounceOf(String ourMessageId, long caseNumber, String address, String status)
            implements Route, DeliveryReport {
        public BounceOf {
            Objects.requireNonNull(ourMessageId, "ourMessageId");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * A member's first answer to a notice of maintenance M (any of them: announcement, reminder, …) opens the one
     * case of M and that member: requester the sender, linked to the member and the maintenance. Later answers
     * are {@link AddToCase}.
     */
    record OpenNoticeCase(long maintenanceId, long memberId) implements Route {
    }

    /**
     * A delivery report about our notice {@code ourMessageId} of maintenance M to member X, which went to
     * {@code address}: failed, or delayed ({@link #delay()}); never answered. {@code caseNumber}: the case of M
     * and X, where the report joins the thread, or null when the member never answered.
     */
    record NoticeBounceOf(String ourMessageId, long maintenanceId, long memberId, String address, String status,
            Long caseNumber) implements Route, DeliveryReport {
        public NoticeBounceOf {
            Objects.requireNonNull(ourMessageId, "ourMessageId");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * A reader's comment: on the post {@code slug} (its plus-address or its {@code [blog:slug]} subject tag), or,
     * when {@code replyTo} is set, a reply to that comment (the reader answered one of our notifications about
     * it), on that comment's post, named here as {@code slug}. {@code rule}: which rule recognised it
     * ({@link MailRouter#RULE_COMMENT_ADDRESS}, {@link MailRouter#RULE_COMMENT_TAG},
     * {@link MailRouter#RULE_COMMENT_REPLY}).
     */
    record NewComment(String slug, Long replyTo, String rule) implements Route {
        public NewComment {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** The sender wrote to the unsubscribe address ({@code coloc+unsubscribe@…}): no more comment mail to him. */
    record CommentOptOut(String address) implements Route {
        public CommentOptOut {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Nothing to do: the mail stays in the intake (and in {@code /api/messages}) only. */
    record Ignore(String reason) implements Route {
    }
}
