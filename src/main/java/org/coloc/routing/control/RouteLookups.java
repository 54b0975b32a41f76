package org.coloc.routing.control;

import org.coloc.cases.control.Threading;

/**
 * What the {@link MailRouter} asks of the stored mail and cases; the container side (the cases, the outbox)
 * answers. Threading's questions (which case holds a Message-ID, does a case exist, does an address take part,
 * which case of a sender and subject was active lately) come from {@link Threading.CaseLookup}; the admin is
 * not special there: the router decides whether he takes part.
 */
public interface RouteLookups extends Threading.CaseLookup {

    /** Whether this is one of our Message-IDs whose keyed hash checks out (a forged one is not). */
    boolean isOurs(String messageId);

    /** Whether our mail with this Message-ID was sent to this address (lower-case). */
    boolean sentTo(String ourMessageId, String address);
}
