package org.coloc.outbox.control;

import java.util.List;

/** A plain-text mail we send: always from the coloc address, always marked as ours. */
public record OutgoingMail(List<String> to, String subject, String text) {
}
