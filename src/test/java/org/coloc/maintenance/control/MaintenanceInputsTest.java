package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.coloc.maintenance.entity.MaintenanceFields;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The JSON of a maintenance: every bad field named at once. */
class MaintenanceInputsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String GOOD = "\"title\": \"Disques\", \"description\": \"On change les disques.\", "
            + "\"start\": \"2027-10-31T01:30:00+02:00\", \"end\": \"2027-10-31T03:30:00+01:00\"";

    @Test
    void aWindowAcrossTheDstChangeKeepsItsInstants() {
        MaintenanceFields f = read("{" + GOOD + ", \"hosts\": [3, 1]}");
        assertEquals(Instant.parse("2027-10-30T23:30:00Z"), f.start());
        assertEquals(Instant.parse("2027-10-31T02:30:00Z"), f.end());
        assertEquals(PARIS, f.zone(), "coloc.timezone when none is named");
        assertEquals(Set.of(1L, 3L), f.hosts());
        assertEquals(Set.of(), f.vms());
        assertTrue(!f.everything() && !f.autoComplete());
        assertNull(f.titleEn());
    }

    @Test
    void untilDoneEverythingInAnotherZone() {
        MaintenanceFields f = read("{\"title\": \"Électricité\", \"description\": \"Coupure.\", "
                + "\"start\": \"2027-01-05T08:00:00Z\", \"timeZone\": \"UTC\", \"everything\": true, "
                + "\"autoComplete\": true, \"titleEn\": \"Power\", \"state\": \"announced\", \"sequence\": 4}");
        assertNull(f.end());
        assertEquals(ZoneId.of("UTC"), f.zone());
        assertTrue(f.everything() && f.autoComplete());
        assertEquals("Power", f.titleEn());
    }

    /** body: the fields besides GOOD's (or instead, when it starts with '!'); errors: field names with a problem. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/maintenance/inputs-refused.csv", delimiter = '|', quoteCharacter = '\'')
    void refused(String body, String errors) {
        String json = body.startsWith("!") ? "{" + body.substring(1) + "}" : "{" + GOOD + ", " + body + "}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
        List<String> fields = e.errors().stream().map(Problem.FieldError::field).distinct().toList();
        assertEquals(List.of(errors.split(" ")), fields, e.errors().toString());
    }

    @Test
    void aReasonIsOptionalAndBounded() {
        assertEquals("Panne du fournisseur", MaintenanceInputs.reason(JsonBodies.parse(
                "{\"reason\": \" Panne du fournisseur \"}")));
        assertNull(MaintenanceInputs.reason(JsonBodies.parse("{}")));
        assertThrows(InvalidInputException.class, () -> MaintenanceInputs.reason(JsonBodies.parse(
                "{\"reason\": \"" + "x".repeat(2001) + "\"}")));
        assertThrows(InvalidInputException.class, () -> MaintenanceInputs.reason(JsonBodies.parse(
                "{\"why\": \"x\"}")));
    }

    private static MaintenanceFields read(String json) {
        return MaintenanceInputs.read(JsonBodies.parse(json), PARIS);
    }
}
