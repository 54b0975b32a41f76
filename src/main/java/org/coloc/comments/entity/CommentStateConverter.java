package org.coloc.comments.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.coloc.platform.LabelConverter;

/** Stores a state as its label ("pending", "published"…). */
@Converter
// AttributeConverter named again: EclipseLink reads the converted types from the converter's own declaration
public class CommentStateConverter extends LabelConverter<CommentState>
        implements AttributeConverter<CommentState, String> {

    public CommentStateConverter() {
        super(CommentState.class);
    }
}
