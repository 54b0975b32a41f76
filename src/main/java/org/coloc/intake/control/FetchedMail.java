package org.coloc.intake.control;

/** One message as fetched from the mailbox: its UID there and its exact bytes. */
public record FetchedMail(long uid, byte[] raw) {
}
