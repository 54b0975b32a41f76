package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.coloc.maintenance.entity.MaintenanceFields;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** What an edit means for those told: by state and by what changed. */
class EditsTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Instant START = Instant.parse("2027-03-10T20:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final MaintenanceFields BEFORE = new MaintenanceFields("Disques", "On change les disques.", null,
            null, START, START.plusSeconds(7200), PARIS, Set.of(1L), Set.of(), false, false);

    /** change: what the edit changes; outcome: the effect, or the status of the refusal. */
    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvFileSource(resources = "/maintenance/edits-effect.csv", delimiter = '|', quoteCharacter = '\'')
    void effect(String state, String change, String outcome) {
        MaintenanceState s = org.coloc.platform.Labelled.parse(MaintenanceState.class, state);
        MaintenanceFields after = CHANGES(change).apply(BEFORE);
        if (outcome.matches("\\d+")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Edits.of(s, BEFORE, after, NOW));
            assertEquals(Integer.parseInt(outcome), e.problem().status());
            if (outcome.equals("400")) {
                assertEquals("start", ((InvalidInputException) e).errors().get(0).field());
            }
        } else {
            assertEquals(Edits.Effect.valueOf(outcome), Edits.of(s, BEFORE, after, NOW));
        }
    }

    private static UnaryOperator<MaintenanceFields> CHANGES(String change) {
        return f -> switch (change) {
            case "nothing" -> f;
            case "autoComplete" -> with(f, f.start(), f.end(), f.zone(), f.description(), null, f.hosts(), false, true);
            case "start later" -> with(f, f.start().plusSeconds(3600), f.end().plusSeconds(3600), f.zone(),
                    f.description(), null, f.hosts(), false, false);
            case "start past" -> with(f, NOW.minusSeconds(60), f.end(), f.zone(), f.description(), null, f.hosts(),
                    false, false);
            case "end" -> with(f, f.start(), f.end().plusSeconds(3600), f.zone(), f.description(), null, f.hosts(),
                    false, false);
            case "end removed" -> with(f, f.start(), null, f.zone(), f.description(), null, f.hosts(), false, false);
            case "zone" -> with(f, f.start(), f.end(), ZoneId.of("UTC"), f.description(), null, f.hosts(), false, false);
            case "description" -> with(f, f.start(), f.end(), f.zone(), "Autre texte.", null, f.hosts(), false, false);
            case "titleEn" -> with(f, f.start(), f.end(), f.zone(), f.description(), "Disks", f.hosts(), false, false);
            case "text and end" -> with(f, f.start(), f.end().plusSeconds(60), f.zone(), "Autre.", null, f.hosts(),
                    false, false);
            case "hosts" -> with(f, f.start(), f.end(), f.zone(), f.description(), null, Set.of(1L, 2L), false, false);
            case "everything" -> with(f, f.start(), f.end(), f.zone(), f.description(), null, f.hosts(), true, false);
            default -> throw new IllegalArgumentException(change);
        };
    }

    private static MaintenanceFields with(MaintenanceFields f, Instant start, Instant end, ZoneId zone,
            String description, String titleEn, Set<Long> hosts, boolean everything, boolean autoComplete) {
        return new MaintenanceFields(f.title(), description, titleEn, f.descriptionEn(), start, end, zone, hosts,
                f.vms(), everything, autoComplete);
    }
}
