package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.coloc.cases.entity.SupportCase;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.platform.ColocBean;

/**
 * What every case bean ({@link Cases}, {@link CaseMail}, {@link CaseDeadlines}) works with: the database, the one
 * clock, coloc's own settings (its address, the admin's language) and the outbox that every mail a case causes goes
 * through. Each bean injects what only it needs.
 */
abstract class CaseBean extends ColocBean {

    @EJB
    Outbox outbox;

    @Inject
    Event<CaseChanged> caseChanged;

    /** Tells observers (in this transaction; the live events wait for its commit) that the case changed, and why. */
    void changed(SupportCase c, CaseChanged.Reason reason) {
        caseChanged.fire(new CaseChanged(c.getNumber(), c.getState(), reason));
    }
}
