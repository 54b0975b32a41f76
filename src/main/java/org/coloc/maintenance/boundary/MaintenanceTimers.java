package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.platform.Sweep;
import org.coloc.platform.Sweeps;

/**
 * The maintenances' reminders, start and end, swept by {@link Sweeps} every minute and whenever the test clock
 * moves (what is due is stored with each maintenance). Each maintenance in its own transaction: one that fails does
 * not hold up the others; the next sweep tries it again.
 */
@Stateless
public class MaintenanceTimers implements Sweep {

    private static final Logger LOG = Logger.getLogger(MaintenanceTimers.class.getName());

    @EJB
    MaintenanceDeadlines deadlines;

    @Override
    public void sweep() {
        for (long id : deadlines.active()) {
            try {
                deadlines.sweep(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Maintenance " + id + ": sweep failed; the next one tries again", e);
            }
        }
    }

    @Override
    public String what() {
        return "Maintenance";
    }
}
