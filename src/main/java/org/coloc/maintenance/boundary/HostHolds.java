package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coloc.inventory.entity.Host;
import org.coloc.inventory.entity.HostFields;
import org.coloc.maintenance.entity.Maintenance;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.platform.changes.ChangeLog;

/**
 * The hosts a maintenance in progress affects are in status {@code maintenance}, and return to the status they
 * had when it ends. Two maintenances in progress on one host at once: the second takes over the status the first
 * stored, and the host returns to it only when the last one ends. A host the admin set to another status meanwhile
 * (retired, say) keeps what the admin chose. Each change is in the change log, by "coloc".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class HostHolds {

    static final String MAINTENANCE = "maintenance";
    static final String RETIRED = "retired";
    static final String ACTOR = "coloc";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    ChangeLog changes;

    /** Puts the affected hosts in maintenance; answers each held host's previous status. */
    public Map<Long, String> hold(Maintenance m) {
        List<Host> hosts = m.isEverything()
                ? em.createQuery("SELECT h FROM Host h WHERE h.status <> :retired", Host.class)
                        .setParameter("retired", RETIRED).getResultList()
                : m.getHosts().stream().map(id -> em.find(Host.class, id)).filter(h -> h != null).toList();
        Map<Long, String> heldElsewhere = heldByOthers(m.getId());
        Map<Long, String> previous = new HashMap<>();
        for (Host h : hosts) {
            if (RETIRED.equals(h.getStatus())) {
                continue;
            }
            String before = MAINTENANCE.equals(h.getStatus()) && heldElsewhere.containsKey(h.getId())
                    ? heldElsewhere.get(h.getId()) : h.getStatus();
            previous.put(h.getId(), before);
            setStatus(h, MAINTENANCE);
        }
        return previous;
    }

    /** Returns the hosts a maintenance held to their previous status, unless another one still holds them. */
    public void release(long maintenanceId, Map<Long, String> held) {
        Map<Long, String> heldElsewhere = heldByOthers(maintenanceId);
        held.forEach((id, previous) -> {
            Host h = em.find(Host.class, id);
            if (h != null && MAINTENANCE.equals(h.getStatus()) && !heldElsewhere.containsKey(id)) {
                setStatus(h, previous);
            }
        });
    }

    private Map<Long, String> heldByOthers(long self) {
        Map<Long, String> held = new HashMap<>();
        for (Maintenance other : em.createQuery("SELECT m FROM Maintenance m WHERE m.state = :s", Maintenance.class)
                .setParameter("s", MaintenanceState.IN_PROGRESS).getResultList()) {
            if (other.getId() != self) {
                other.heldHosts().forEach(held::putIfAbsent);
            }
        }
        return held;
    }

    private void setStatus(Host h, String status) {
        String before = h.getStatus();
        if (before.equals(status)) {
            return;
        }
        h.apply(new HostFields(h.getName(), h.getModel(), h.getRackPosition(), h.getCores(), h.getMemoryMiB(),
                h.getStorageGiB(), status, h.getNotes()), clock.instant());
        changes.record(ACTOR, "host", h.getId(), "update", Map.of("status", before), Map.of("status", status));
    }
}
