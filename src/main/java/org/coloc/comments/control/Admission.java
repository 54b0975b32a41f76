package org.coloc.comments.control;

/**
 * How a comment taken from a mail starts: published at once, or pending with the reason it was held though it
 * could have been published. Pure code.
 *
 * <p>Pending is the rule. A sender with {@code auto-approve-after} published comments (N &gt; 0) is published at
 * once, unless something holds it: the post takes no comments (closed, or made by this very mail for an unknown
 * slug), the sender is over his hourly limit ({@link #RATE_LIMIT}), or the receiving server said the mail failed
 * DKIM and SPF. The hourly limit also holds comments that would have waited anyway, so the admin sees which came
 * in a flood.
 */
public final class Admission {

    public static final String RATE_LIMIT = "rate-limit";
    public static final String UNKNOWN_POST = "unknown-post";
    public static final String POST_CLOSED = "post-closed";
    public static final String SPAM_SUSPECT = "spam-suspect";

    private Admission() {
    }

    /** {@code publish}: at once (through the one moderation path); else pending, {@code heldReason} may be null. */
    public record Decision(boolean publish, String heldReason) {
    }

    /**
     * @param postOpen the post takes comments
     * @param postMadeByMail the post was made for an unknown slug (closed until the admin describes it)
     * @param sentWithinTheHour comments already taken from this sender within the last hour
     * @param publishedBefore comments of this sender published so far
     * @param spamSuspect the receiving server said DKIM and SPF failed
     */
    public static Decision decide(CommentSettings settings, boolean postOpen, boolean postMadeByMail,
            long sentWithinTheHour, long publishedBefore, boolean spamSuspect) {
        if (sentWithinTheHour >= settings.maxPerHour()) {
            return new Decision(false, RATE_LIMIT);
        }
        if (postMadeByMail) {
            return new Decision(false, UNKNOWN_POST);
        }
        if (!postOpen) {
            return new Decision(false, POST_CLOSED);
        }
        boolean trusted = settings.autoApproveAfter() > 0 && publishedBefore >= settings.autoApproveAfter();
        if (spamSuspect) {
            return new Decision(false, trusted ? SPAM_SUSPECT : null);
        }
        return new Decision(trusted, null);
    }
}
