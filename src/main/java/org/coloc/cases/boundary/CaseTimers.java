package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.coloc.platform.Sweep;
import org.coloc.platform.Sweeps;

/**
 * The deadlines stored with the cases, swept by {@link Sweeps} every minute: reminders to the admin, courteous
 * closing of abandoned cases (one transaction for both, as a sweep).
 */
@Stateless
public class CaseTimers implements Sweep {

    @EJB
    CaseDeadlines deadlines;

    @Override
    public void sweep() {
        deadlines.remindAdmin();
        deadlines.closeAbandoned();
    }

    @Override
    public String what() {
        return "Case deadline";
    }
}
