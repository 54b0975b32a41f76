package org.coloc.cases.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.coloc.platform.LabelConverter;

/** Keeps {@code CASE_MESSAGE.DIRECTION} the string it always was ("incoming", "outgoing", "note"). */
@Converter
// AttributeConverter named again: EclipseLink reads the converted types from the converter's own declaration
public class MessageDirectionConverter extends LabelConverter<MessageDirection>
        implements AttributeConverter<MessageDirection, String> {

    public MessageDirectionConverter() {
        super(MessageDirection.class);
    }
}
