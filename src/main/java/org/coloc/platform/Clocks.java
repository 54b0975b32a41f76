package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock: inject {@link Clock} everywhere, so timers and tests agree on "now". */
@ApplicationScoped
public class Clocks {

    private final Clock clock = Clock.systemUTC();

    @Produces
    Clock clock() {
        return clock;
    }
}
