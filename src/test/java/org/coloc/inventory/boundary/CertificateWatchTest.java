package org.coloc.inventory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coloc.platform.ColocSettings;
import org.junit.jupiter.api.Test;

/** The daily certificate report runs at 07:00 where the collective lives, not at a fixed zone. */
class CertificateWatchTest {

    private static ColocSettings livingIn(String zone) {
        return new ColocSettings("coloc@example.org", Optional.empty(), "fr", Optional.empty(), ZoneId.of(zone),
                Path.of("/tmp"), false, "https://coloc.example.org");
    }

    /** Schedules the watch with a timer service that only records what it was asked for. */
    private static List<Object[]> scheduled(ColocSettings coloc) {
        List<Object[]> calls = new ArrayList<>();
        CertificateWatch watch = new CertificateWatch();
        watch.coloc = coloc;
        watch.timers = (TimerService) Proxy.newProxyInstance(TimerService.class.getClassLoader(),
                new Class<?>[] {TimerService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createCalendarTimer")) {
                        calls.add(args);
                    }
                    return null;
                });
        watch.scheduleDaily();
        return calls;
    }

    @Test
    void theReportRunsAtSevenInTheConfiguredTimeZone() {
        for (String zone : List.of("America/New_York", "Asia/Tokyo", "Europe/Paris")) {
            List<Object[]> calls = scheduled(livingIn(zone));
            assertEquals(1, calls.size());
            ScheduleExpression when = (ScheduleExpression) calls.get(0)[0];
            assertEquals(zone, when.getTimezone());
            assertEquals("7", when.getHour());
            assertEquals("0", when.getMinute());
            assertEquals("0", when.getSecond());
            assertEquals("*", when.getDayOfMonth());
            assertEquals("*", when.getDayOfWeek());
        }
    }

    @Test
    void itsTimerIsNotPersistent() {
        // persistent timers live in Payara Micro's in-memory grid: lost at restart, and refused with --nohazelcast
        TimerConfig config = (TimerConfig) scheduled(livingIn("UTC")).get(0)[1];
        assertFalse(config.isPersistent());
    }
}
