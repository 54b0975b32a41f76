package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.platform.ClockResource;

/**
 * Sweeps the deadlines stored with the cases every minute (non-persistent timer: the deadlines live in the
 * database, so a restart loses nothing): reminders to the admin, courteous closing of abandoned cases.
 */
@Singleton
public class CaseTimers {

    private static final Logger LOG = Logger.getLogger(CaseTimers.class.getName());

    @EJB
    CaseDeadlines deadlines;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "case deadlines")
    void everyMinute() {
        sweep();
    }

    public void onClockMoved(@Observes ClockResource.ClockMoved moved) {
        sweep();
    }

    private void sweep() {
        try {
            deadlines.remindAdmin();
            deadlines.closeAbandoned();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Case deadline sweep failed; the next one tries again", e);
        }
    }
}
