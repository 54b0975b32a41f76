package org.coloc.platform.changes;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;

/** Records every change of a record in the transaction that makes it, and lists them. */
@Stateless
public class ChangeLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Joins the caller's transaction: no change without its log entry, no log entry without its change. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String type, long id, String action, Object before, Object after) {
        em.persist(new Change(clock.instant(), actor, type, id, action, JsonBodies.toText(before),
                JsonBodies.toText(after)));
    }

    public Page<ChangeView> list(String type, Long id, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (type != null) {
            where.append(" AND c.type = :type");
        }
        if (id != null) {
            where.append(" AND c.recordId = :id");
        }
        TypedQuery<Change> q = em.createQuery("SELECT c FROM Change c" + where + " ORDER BY c.at DESC, c.id DESC",
                Change.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Change c" + where, Long.class);
        if (type != null) {
            q.setParameter("type", type);
            count.setParameter("type", type);
        }
        if (id != null) {
            q.setParameter("id", id);
            count.setParameter("id", id);
        }
        return new Page<>(q.setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList().stream()
                .map(ChangeView::of).toList(), count.getSingleResult(), paging.offset(), paging.limit());
    }
}
