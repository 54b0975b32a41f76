package org.coloc.maintenance.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.coloc.platform.CommaList;
import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;

/**
 * When members are reminded of an announced maintenance: these offsets before its start, longest first. Empty: no
 * reminders (the announcement and the "started" notice still go out).
 */
public record MaintenanceSettings(List<Duration> reminders) {

    public static final String REMINDERS = "coloc.maintenance.reminders";
    /** More would be spam, and a typo more likely than a wish. */
    static final int MAX_REMINDERS = 10;
    static final Duration LONGEST = Duration.ofDays(365);

    public MaintenanceSettings {
        reminders = reminders.stream().sorted(Comparator.reverseOrder()).toList();
    }

    public static MaintenanceSettings read(SettingsReader in) {
        List<Duration> offsets = new ArrayList<>();
        for (String item : CommaList.items(in.optional(REMINDERS).orElse(""))) {
            Duration d;
            try {
                d = Duration.parse(item);
            } catch (DateTimeParseException e) {
                in.problem(SettingsProblem.name(REMINDERS) + " must list ISO-8601 durations such as PT72H,PT24H,PT1H, not '"
                        + item + "'", REMINDERS);
                continue;
            }
            if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
                in.problem(SettingsProblem.name(REMINDERS) + " must list durations between PT1S and P365D, not '"
                        + item + "'", REMINDERS);
            } else if (offsets.contains(d)) {
                in.problem(SettingsProblem.name(REMINDERS) + " names " + item + " twice", REMINDERS);
            } else {
                offsets.add(d);
            }
        }
        if (offsets.size() > MAX_REMINDERS) {
            in.problem(SettingsProblem.name(REMINDERS) + " may list at most " + MAX_REMINDERS + " reminders, not "
                    + offsets.size(), REMINDERS);
        }
        return new MaintenanceSettings(offsets);
    }
}
