package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.platform.ClockResource;

/**
 * Sweeps the maintenances every minute and whenever the test clock moves (non-persistent timer: what is due is
 * stored with each maintenance, so a restart loses nothing). One maintenance that fails does not hold up the others;
 * the next sweep tries it again.
 */
@Singleton
public class MaintenanceTimers {

    private static final Logger LOG = Logger.getLogger(MaintenanceTimers.class.getName());

    @EJB
    MaintenanceDeadlines deadlines;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "maintenance reminders, start and end")
    void everyMinute() {
        sweep();
    }

    public void onClockMoved(@Observes ClockResource.ClockMoved moved) {
        sweep();
    }

    private void sweep() {
        try {
            for (long id : deadlines.active()) {
                try {
                    deadlines.sweep(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Maintenance " + id + ": sweep failed; the next one tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Maintenance sweep failed; the next one tries again", e);
        }
    }
}
