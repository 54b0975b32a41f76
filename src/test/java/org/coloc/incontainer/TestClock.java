package org.coloc.incontainer;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coloc.platform.ClockResource;
import org.coloc.platform.Clocks;

/**
 * Test-only, deployed with every in-container test: the application's one clock as a test drives it, moved
 * forward and then the sweeps run at once, as after {@code POST /api/clock}, instead of waiting for their timers.
 */
@Dependent
public class TestClock {

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    @Inject
    Event<ClockResource.ClockMoved> clockMoved;

    Instant now() {
        return clock.instant();
    }

    void advance(Duration by) {
        clocks.advance(by);
    }

    /** Every sweep, at once (in the sweeps' singleton, so never beside its own timer). */
    void sweep() {
        clockMoved.fire(new ClockResource.ClockMoved(clock.instant()));
    }
}
