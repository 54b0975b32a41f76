package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Which reminder goes out when: at most once each, one at a time, none once the start has passed. */
class RemindersTest {

    private static final Instant START = Instant.parse("2027-03-10T20:00:00Z");
    private static final List<Duration> OFFSETS = List.of(Duration.ofHours(72), Duration.ofHours(24),
            Duration.ofHours(1));

    /**
     * hoursBeforeStart: when the sweep runs (negative: after the start); done: the offsets done with before it;
     * send: the reminder it sends ("-" none); doneAfter: the offsets done with afterwards.
     */
    @ParameterizedTest(name = "{0} h before the start, done {1}: send {2}, done {3}")
    @CsvFileSource(resources = "/maintenance/reminders-due.csv", delimiter = '|', quoteCharacter = '\'')
    void dueReminders(double hoursBeforeStart, String done, String send, String doneAfter) {
        Instant now = START.minusSeconds(Math.round(hoursBeforeStart * 3600));
        Reminders.Due due = Reminders.due(START, now, OFFSETS, durations(done));
        assertEquals("-".equals(send) ? null : Duration.parse(send), due.send());
        assertEquals(durations(doneAfter), due.done());
    }

    @ParameterizedTest(name = "announced {0} h before: {1} skipped")
    @CsvFileSource(resources = "/maintenance/reminders-skipped.csv", delimiter = '|', quoteCharacter = '\'')
    void offsetsAlreadyPastAtTheAnnouncementAreSkipped(double hoursBeforeStart, String skipped) {
        Instant now = START.minusSeconds(Math.round(hoursBeforeStart * 3600));
        assertEquals(durations(skipped), Reminders.past(START, now, OFFSETS));
    }

    @Test
    void announcedTwoDaysAheadGetsTheDayBeforeAndTheHourBeforeOnly() {
        Instant announced = START.minus(Duration.ofHours(48));
        Set<Duration> done = Reminders.past(START, announced, OFFSETS);
        int sent = 0;
        // a sweep every 10 minutes up to an hour after the start
        for (Instant t = announced; t.isBefore(START.plus(Duration.ofHours(1))); t = t.plus(Duration.ofMinutes(10))) {
            Reminders.Due due = Reminders.due(START, t, OFFSETS, done);
            done = due.done();
            if (due.send() != null) {
                sent++;
                assertEquals(START.minus(due.send()), t.truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                        "sent at its time: " + due.send());
            }
        }
        assertEquals(2, sent);
    }

    private static Set<Duration> durations(String list) {
        return "-".equals(list.strip()) ? Set.of()
                : Arrays.stream(list.strip().split("\\s+")).map(Duration::parse).collect(Collectors.toSet());
    }
}
