package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
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
}
