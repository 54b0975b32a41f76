package org.coloc.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The direction column keeps the strings rows were written with before it became an enum. */
class MessageDirectionTest {

    private final MessageDirectionConverter converter = new MessageDirectionConverter();

    @Test
    void storedAsTheStringsExistingRowsHold() {
        assertEquals("incoming", converter.convertToDatabaseColumn(MessageDirection.INCOMING));
        assertEquals("outgoing", converter.convertToDatabaseColumn(MessageDirection.OUTGOING));
        assertEquals("note", converter.convertToDatabaseColumn(MessageDirection.NOTE));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void existingRowsReadBack() {
        assertEquals(MessageDirection.INCOMING, converter.convertToEntityAttribute("incoming"));
        assertEquals(MessageDirection.OUTGOING, converter.convertToEntityAttribute("outgoing"));
        assertEquals(MessageDirection.NOTE, converter.convertToEntityAttribute("note"));
        assertNull(converter.convertToEntityAttribute(null));
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("sideways"));
    }
}
