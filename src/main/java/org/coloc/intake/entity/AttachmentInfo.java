package org.coloc.intake.entity;

/** An attachment without its content, for listings. */
public record AttachmentInfo(Long id, int position, String name, String contentType, long size) {
}
