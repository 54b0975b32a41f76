package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock: inject {@link Clock} everywhere, so timers and tests agree on "now". System time, moved
 * forward only by tests through {@code POST /api/clock} when {@code coloc.clock-control} is on.
 */
@ApplicationScoped
public class Clocks {

    private final MovableClock clock = new MovableClock();

    @Produces
    Clock clock() {
        return clock;
    }

    /** Moves "now" forward for the whole application. */
    public Instant advance(Duration by) {
        clock.offset = clock.offset.plus(by);
        return clock.instant();
    }

    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
