package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.coloc.platform.SettingsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** coloc.maintenance.reminders: a list of positive durations, longest first; anything else refuses the start. */
class MaintenanceSettingsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvFileSource(resources = "/maintenance/settings-reminders.csv", delimiter = '|', quoteCharacter = '\'')
    void read(String value, String reminders) {
        SettingsReader in = SettingsReader.of(Map.of(MaintenanceSettings.REMINDERS, value));
        MaintenanceSettings s = MaintenanceSettings.read(in);
        assertEquals(List.of(), in.problems());
        assertEquals("-".equals(reminders) ? List.of()
                : java.util.Arrays.stream(reminders.split(" ")).map(Duration::parse).toList(), s.reminders());
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(delimiter = '|', value = {"72h", "PT72H,PT72H", "-PT1H", "PT0S", "P400D",
        "PT1H,PT2H,PT3H,PT4H,PT5H,PT6H,PT7H,PT8H,PT9H,PT10H,PT11H"})
    void refused(String value) {
        SettingsReader in = SettingsReader.of(Map.of(MaintenanceSettings.REMINDERS, value));
        MaintenanceSettings.read(in);
        assertEquals(1, in.problems().size(), in.problems().toString());
        assertTrue(in.problems().get(0).text().contains("COLOC_MAINTENANCE_REMINDERS"), in.problems().toString());
    }
}
