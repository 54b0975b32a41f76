package org.coloc.intake.control;

/** A message waiting in the watched folder: UID, size and whether we already marked it done (flag mode). */
public record MailboxEntry(long uid, long size, boolean done) {
}
