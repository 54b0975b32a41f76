package org.coloc.inventory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.coloc.platform.ColocSettings;

/** "Today" where the collective lives (coloc.timezone, Europe/Paris by default), from the one clock. */
@ApplicationScoped
public class InventoryClock {

    @Inject
    Clock clock;

    @Inject
    ColocSettings coloc;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public ZoneId zone() {
        return coloc.timezone();
    }
}
