package org.coloc.outbox.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a kind as its label ("acknowledgement", "certificate-report"…), as the column always held. */
@Converter
public class OutboxKindConverter implements AttributeConverter<OutboxKind, String> {

    @Override
    public String convertToDatabaseColumn(OutboxKind kind) {
        return kind == null ? null : kind.label();
    }

    @Override
    public OutboxKind convertToEntityAttribute(String label) {
        return label == null ? null : OutboxKind.fromLabel(label);
    }
}
