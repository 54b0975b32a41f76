package org.coloc.outbox.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.coloc.platform.LabelConverter;

/** Stores a kind as its label ("acknowledgement", "certificate-report"…), as the column always held. */
@Converter
// AttributeConverter named again: EclipseLink reads the converted types from the converter's own declaration
public class OutboxKindConverter extends LabelConverter<OutboxKind> implements AttributeConverter<OutboxKind, String> {

    public OutboxKindConverter() {
        super(OutboxKind.class);
    }
}
