package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coloc.maintenance.control.NoticeKind;
import org.coloc.maintenance.control.Reminders;
import org.coloc.maintenance.control.MaintenanceSettings;
import org.coloc.maintenance.entity.Maintenance;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.platform.changes.ChangeLog;

/**
 * What the maintenance timers do, one maintenance per transaction with the mails it causes: the reminders before
 * the start, the start itself (state, hosts, "started" notice), and at the end time the admin's reminder to
 * complete it, or its completion when it completes itself. Everything they go by is stored with the maintenance,
 * so a sweep after a restart, or after the test clock jumped, does what was missed and nothing twice.
 */
@Stateless
public class MaintenanceDeadlines {

    static final String ACTOR = "coloc";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MaintenanceSettings settings;

    @EJB
    Notices notices;

    @EJB
    HostHolds holds;

    @EJB
    ChangeLog changes;

    /** The maintenances a sweep looks at: announced or in progress. */
    public List<Long> active() {
        return em.createQuery("SELECT m.id FROM Maintenance m WHERE m.state IN :states ORDER BY m.startAt, m.id",
                Long.class).setParameter("states", List.of(MaintenanceState.ANNOUNCED, MaintenanceState.IN_PROGRESS))
                .getResultList();
    }

    /** Does what is due for one maintenance now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep(long id) {
        Maintenance m = em.find(Maintenance.class, id);
        if (m == null) {
            return;
        }
        Instant now = clock.instant();
        if (m.getState() == MaintenanceState.ANNOUNCED) {
            Reminders.Due due = Reminders.due(m.getStartAt(), now, settings.reminders(), m.remindersDone());
            if (!due.done().equals(m.remindersDone())) {
                m.remindersDone(due.done());
            }
            if (due.send() != null) {
                notices.tell(m, NoticeKind.REMINDER, null, null, null, now);
            }
            if (!m.getStartAt().isAfter(now)) {
                var before = MaintenanceView.of(m);
                m.start(now, holds.hold(m));
                notices.tell(m, NoticeKind.STARTED, null, null, null, now);
                log(m, "start", before);
            }
        }
        if (m.getState() == MaintenanceState.IN_PROGRESS && m.getEndAt() != null && !m.getEndAt().isAfter(now)
                && m.getEndRemindedAt() == null) {
            if (m.isAutoComplete()) {
                var before = MaintenanceView.of(m);
                complete(m, now);
                log(m, "complete", before);
            } else {
                notices.remindAdmin(m, now);
                m.endReminded(now);
            }
        }
    }

    /** In progress → completed: the members told, the hosts back to their status. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void complete(Maintenance m, Instant now) {
        Map<Long, String> held = m.complete(now);
        notices.tell(m, NoticeKind.COMPLETED, null, null, null, now);
        holds.release(m.getId(), held);
    }

    /** The hosts a cancelled maintenance held, back to their status. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void release(Maintenance m, Map<Long, String> held) {
        holds.release(m.getId(), held);
    }

    private void log(Maintenance m, String action, MaintenanceView before) {
        em.flush();
        changes.record(ACTOR, Maintenances.TYPE, m.getId(), action, before, MaintenanceView.of(m));
    }
}
