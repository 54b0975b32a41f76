package org.coloc.intake.control;

import org.coloc.intake.entity.InboundMail;

/**
 * Fired, synchronously and inside the intake's transaction, for every newly ingested mail: later stages
 * (cases, comments) act on it in the same commit, so a mail and what it causes are stored together.
 */
public record MailTaken(InboundMail mail, ParsedMail parsed, Classification classification) {
}
