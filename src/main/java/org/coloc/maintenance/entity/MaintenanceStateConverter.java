package org.coloc.maintenance.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.coloc.platform.LabelConverter;

/** Stores a state as its label ("draft", "in-progress"…). */
@Converter
// AttributeConverter named again: EclipseLink reads the converted types from the converter's own declaration
public class MaintenanceStateConverter extends LabelConverter<MaintenanceState>
        implements AttributeConverter<MaintenanceState, String> {

    public MaintenanceStateConverter() {
        super(MaintenanceState.class);
    }
}
