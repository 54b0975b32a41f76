package org.coloc.intake.control;

import java.util.List;

/**
 * Fired once per batch, synchronously and inside the intake's transaction, before the batch's
 * {@link MailTaken} events: the router's lookups (the cases) may look up in a few queries what they would
 * otherwise ask mail by mail. Holds the mails about to be ingested (parsed, not duplicates).
 */
public record MailsArriving(List<ParsedMail> mails) {
}
