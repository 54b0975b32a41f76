package org.coloc.routing.control;

import java.util.Optional;
import org.coloc.cases.control.Threading;
import org.coloc.outbox.control.NewMail;

/**
 * What the {@link MailRouter} asks of the stored mail and cases; the container side (the cases, the outbox)
 * answers. Threading's questions (which case holds a Message-ID, does a case exist, does an address take part,
 * which case of a sender and subject was active lately) come from {@link Threading.CaseLookup}; the admin is
 * not special there: the router decides whether he takes part. Maintenance notices are known by their keyed
 * Message-IDs ({@link #noticeOf}), and their answers by the one case per maintenance and member.
 */
public interface RouteLookups extends Threading.CaseLookup {

    /** Whether this is one of our Message-IDs whose keyed hash checks out (a forged one is not). */
    boolean isOurs(String messageId);

    /** Whether our mail with this Message-ID was sent to this address (lower-case). */
    boolean sentTo(String ourMessageId, String address);

    /** The maintenance and member of one of our notice Message-IDs whose keyed hash checks out; else empty. */
    Optional<NewMail.NoticeThread> noticeOf(String messageId);

    /** The case of the notices of this maintenance to this member, once one was opened. */
    Optional<Long> caseOfNotice(long maintenanceId, long memberId);

    /**
     * The comment (and whether it was the admin's moderation mail) of one of our comment Message-IDs whose keyed
     * hash checks out; else empty. None by default: lookups that know no comments (tests of other flows).
     */
    default Optional<NewMail.CommentThread> commentOf(String messageId) {
        return Optional.empty();
    }

    /** The slug of the post a stored comment belongs to; empty when there is no such comment (deleted). */
    default Optional<String> postOfComment(long commentId) {
        return Optional.empty();
    }
}
