package org.coloc.cases.boundary;

import org.coloc.cases.entity.CaseState;
import org.coloc.platform.Labelled;

/**
 * A case was opened or changed: fired synchronously inside the transaction of the change, by {@link CaseMail} (mail
 * filed by the router) and {@link Cases} (the admin's work) and {@link CaseDeadlines} (closing). Observers that tell
 * the outside (the dashboard's live events) observe it after the transaction succeeded, so a rolled-back batch tells
 * nobody. Holds no text of the mail: number, state and why.
 */
public record CaseChanged(long number, CaseState state, Reason reason) {

    /** Why the case changed, as a dashboard shows it ({@code opened}, {@code message}, {@code reply} …). */
    public enum Reason implements Labelled {
        /** a mail opened it */
        OPENED,
        /** a mail of the requester or a participant (or a stranger) joined its thread */
        MESSAGE,
        /** an out-of-office or other automatic reply joined its thread */
        AUTO_REPLY,
        /** a delivery report about one of its mails */
        BOUNCE,
        /** the admin's reply (over the API, or from his own mail client) */
        REPLY,
        /** the admin's internal note */
        NOTE,
        /** its state changed (the admin's change, or closed after the requester's silence) */
        STATE,
        /** linked to a member or a VM */
        LINK,
        /** a participant added or removed */
        PARTICIPANTS
    }
}
