package org.coloc.intake.control;

import org.coloc.intake.entity.InboundMail;

/**
 * A mail row was stored (ingested or quarantined) or parsed again by the admin's retry: fired synchronously inside
 * the intake's transaction, before {@link MailTaken} for an ingested mail (so a dashboard hears of the mail before
 * of the case it opens). What the outside may learn of it (the
 * dashboard's live events, sent only once the transaction committed): its id, classification and status, never
 * anything a stranger wrote.
 */
public record MailStored(long id, String classification, String status) {

    static MailStored of(InboundMail mail) {
        return new MailStored(mail.getId(), mail.getClassification(), mail.getStatus());
    }
}
