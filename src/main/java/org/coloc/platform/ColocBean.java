package org.coloc.platform;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * What most of coloc's beans work with: the database, the one clock, and coloc's own settings (its address, the
 * admin's address and language, the public URL). A bean extends it rather than injecting the three again; what
 * only it needs, it injects itself.
 */
public abstract class ColocBean {

    @PersistenceContext
    protected EntityManager em;

    @Inject
    protected Clock clock;

    @Inject
    protected ColocSettings coloc;
}
