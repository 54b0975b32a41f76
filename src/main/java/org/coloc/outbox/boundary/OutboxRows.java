package org.coloc.outbox.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coloc.outbox.entity.OutboxMail;

/** Short transactions over outbox rows for the sender: never one open during an SMTP conversation. */
@Stateless
public class OutboxRows {

    @PersistenceContext
    EntityManager em;

    public List<Long> due(Instant now) {
        return em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", now).setMaxResults(200)
                .getResultList();
    }

    /**
     * Takes a due mail for this sender until {@code until}: one conditional UPDATE, so when several instances
     * drain the same outbox exactly one of them gets it. If the taker dies before marking it, the mail is due
     * again when the lease ends.
     */
    public boolean claim(long id, Instant now, Instant until) {
        return em.createNamedQuery(OutboxMail.CLAIM).setParameter("id", id).setParameter("now", now)
                .setParameter("until", until).executeUpdate() == 1;
    }

    public OutboxMail find(long id) {
        return em.find(OutboxMail.class, id);
    }

    public void markSent(long id, Instant now) {
        em.find(OutboxMail.class, id).sent(now);
    }

    public void markFailed(long id, String error, Instant now, Duration maxDelay) {
        em.find(OutboxMail.class, id).failed(error, now, maxDelay);
    }
}
