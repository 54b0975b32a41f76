package org.coloc.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one timer of the deadlines stored in the database: runs every {@link Sweep} every minute, and at once
 * whenever the test clock moves (so a system test that jumps three days sees what fell due without waiting).
 * Non-persistent: the deadlines live in the database, so a restart loses nothing. A singleton, so two sweeps never
 * overlap; without a transaction of its own, so that each sweep commits or fails alone, and one that fails does not
 * hold up the others: the next sweep tries it again.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class.getName());

    @Inject
    @Any
    Instance<Sweep> sweeps;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "deadline sweeps")
    void everyMinute() {
        sweepAll();
    }

    public void onClockMoved(@Observes ClockResource.ClockMoved moved) {
        sweepAll();
    }

    private void sweepAll() {
        for (Sweep sweep : sweeps) {
            try {
                sweep.sweep();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, sweep.what() + " sweep failed; the next one tries again", e);
            }
        }
    }
}
