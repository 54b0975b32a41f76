package org.coloc.intake.control;

import org.coloc.intake.entity.InboundMail;

/**
 * Fired, synchronously and inside the intake's transaction, for every newly ingested mail: the mail router
 * ({@code routing.boundary.MailRouting}, its one observer) decides where it goes and has it filed there (cases
 * today; comments and notices later) in the same commit, so a mail and what it causes are stored together.
 * The intake itself knows nothing of what comes after it.
 */
public record MailTaken(InboundMail mail, ParsedMail parsed, Classification classification) {
}
