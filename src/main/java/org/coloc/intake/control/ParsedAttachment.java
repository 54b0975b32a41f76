package org.coloc.intake.control;

/** A part the reader would see as an attachment; {@code content} is transfer-decoded. */
public record ParsedAttachment(String name, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}
