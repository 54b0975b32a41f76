package org.coloc.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Kinds are stored as the labels rows have always carried, so existing databases and API filters still work. */
class OutboxKindTest {

    private final OutboxKindConverter converter = new OutboxKindConverter();

    @ParameterizedTest
    @CsvSource({"ACKNOWLEDGEMENT, acknowledgement", "REPLY, reply", "REMINDER, reminder", "CLOSING, closing",
        "CERTIFICATE_REPORT, certificate-report"})
    void todaysKindsKeepTheirStoredLabel(OutboxKind kind, String label) {
        assertEquals(label, converter.convertToDatabaseColumn(kind));
        assertEquals(kind, converter.convertToEntityAttribute(label));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void everyLabelFitsTheColumnAndReadsBack(OutboxKind kind) {
        assertTrue(kind.label().length() <= OutboxKind.MAX_LABEL, kind.label());
        assertEquals(Optional.of(kind), OutboxKind.ofLabel(kind.label()));
    }

    @Test
    void labelsAreDistinct() {
        assertEquals(OutboxKind.values().length, Arrays.stream(OutboxKind.values()).map(OutboxKind::label).distinct()
                .count());
    }

    @Test
    void anUnknownLabelNamesNoKind() {
        assertEquals(Optional.empty(), OutboxKind.ofLabel("Acknowledgement"));
        assertEquals(Optional.empty(), OutboxKind.ofLabel(null));
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("spam"));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void onlyCaseMailIsAboutACase() {
        assertEquals(java.util.List.of(OutboxKind.ACKNOWLEDGEMENT, OutboxKind.REPLY, OutboxKind.CLOSING),
                Arrays.stream(OutboxKind.values()).filter(OutboxKind::aboutCase).toList());
    }
}
