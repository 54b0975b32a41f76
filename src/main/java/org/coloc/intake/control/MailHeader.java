package org.coloc.intake.control;

/** A header field with its value decoded (RFC 2047, charsets) and unfolded. */
public record MailHeader(String name, String value) {
}
