package org.coloc.platform.changes;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;

/** Records every change of a record in the transaction that makes it (and says so: {@link RecordChanged}), and lists them. */
@Stateless
public class ChangeLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<RecordChanged> changed;

    /** Joins the caller's transaction: no change without its log entry, no log entry without its change. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String type, long id, String action, Object before, Object after) {
        em.persist(new Change(clock.instant(), actor, type, id, action, JsonBodies.toText(before),
                JsonBodies.toText(after)));
        changed.fire(new RecordChanged(type, id, action));
    }

    public Page<ChangeView> list(String type, Long id, Paging paging) {
        return ListQuery.of(Change.class, "c")
                .where("c.type = :type", "type", type)
                .where("c.recordId = :id", "id", id)
                .orderBy("c.at DESC, c.id DESC")
                .page(em, paging, ChangeView::of);
    }
}
