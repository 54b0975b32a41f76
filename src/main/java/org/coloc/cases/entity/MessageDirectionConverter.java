package org.coloc.cases.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps {@code CASE_MESSAGE.DIRECTION} the string it always was ("incoming", "outgoing", "note") rather than
 * JPA's enum name or ordinal: rows written before the enum read back, and no migration is needed.
 */
@Converter
public class MessageDirectionConverter implements AttributeConverter<MessageDirection, String> {

    @Override
    public String convertToDatabaseColumn(MessageDirection direction) {
        return direction == null ? null : direction.label();
    }

    @Override
    public MessageDirection convertToEntityAttribute(String label) {
        return label == null ? null : MessageDirection.fromLabel(label);
    }
}
