package org.coloc.maintenance.boundary;

import jakarta.ejb.Stateless;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.coloc.maintenance.control.PublicListing;
import org.coloc.maintenance.control.PublicMaintenance;
import org.coloc.maintenance.entity.Maintenance;
import org.coloc.platform.ColocBean;

/**
 * The maintenances the public sees (see {@link PublicListing}), with the names of the hosts they affect: those the
 * record names and those of the VMs it names. Reads only: maintenance records, host names, VMs' hosts.
 */
@Stateless
public class PublicMaintenances extends ColocBean {

    /** Newest window first. */
    public List<PublicMaintenance> list() {
        Instant now = clock.instant();
        Instant cutoff = PublicListing.cutoff(now);
        // dates narrow it in the database; the state (a converted label) is judged in Java by the same rule as tests
        List<Maintenance> found = em.createQuery("SELECT m FROM Maintenance m WHERE m.startAt >= :cutoff"
                + " OR m.endAt >= :cutoff OR m.completedAt >= :cutoff OR m.cancelledAt >= :cutoff"
                + " OR (m.completedAt IS NULL AND m.cancelledAt IS NULL)", Maintenance.class)
                .setParameter("cutoff", cutoff).getResultList().stream()
                .filter(m -> PublicListing.visible(m.getState(), m.getStartAt(), m.getEndAt(), m.getCompletedAt(),
                        m.getCancelledAt(), now))
                .toList();
        Map<Long, Long> hostOfVm = hostsOfVms(found);
        Set<Long> hostIds = new HashSet<>(hostOfVm.values());
        found.forEach(m -> hostIds.addAll(m.getHosts()));
        Map<Long, String> names = hostNames(hostIds);
        List<PublicMaintenance> items = new ArrayList<>();
        for (Maintenance m : found) {
            Set<String> hosts = new TreeSet<>();
            if (!m.isEverything()) {
                m.getHosts().stream().map(names::get).filter(n -> n != null).forEach(hosts::add);
                m.getVms().stream().map(hostOfVm::get).filter(h -> h != null).map(names::get)
                        .filter(n -> n != null).forEach(hosts::add);
            }
            items.add(new PublicMaintenance(m.getId(), m.getSequence(), m.getTitle(), m.getTitleEn(),
                    m.getDescription(), m.getDescriptionEn(), m.getStartAt(), m.getEndAt(), zone(m),
                    m.getState().label(), m.isEverything(), List.copyOf(hosts), m.getUpdated()));
        }
        return PublicListing.ordered(items);
    }

    /** The right side of the coloc address: the domain of the events' UIDs and the feeds' ids. */
    public String domain() {
        String address = coloc.address();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private ZoneId zone(Maintenance m) {
        try {
            return m.getTimeZone() == null ? coloc.timezone() : ZoneId.of(m.getTimeZone());
        } catch (RuntimeException e) {
            return coloc.timezone();
        }
    }

    private Map<Long, Long> hostsOfVms(List<Maintenance> found) {
        Set<Long> vmIds = new HashSet<>();
        found.stream().filter(m -> !m.isEverything()).forEach(m -> vmIds.addAll(m.getVms()));
        Map<Long, Long> hostOfVm = new HashMap<>();
        if (!vmIds.isEmpty()) {
            em.createQuery("SELECT v.id, v.hostId FROM VirtualMachine v WHERE v.id IN :ids", Object[].class)
                    .setParameter("ids", vmIds).getResultList()
                    .forEach(row -> hostOfVm.put((Long) row[0], (Long) row[1]));
        }
        return hostOfVm;
    }

    private Map<Long, String> hostNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT h.id, h.name FROM Host h WHERE h.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }
}
