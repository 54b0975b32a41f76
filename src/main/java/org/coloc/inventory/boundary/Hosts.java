package org.coloc.inventory.boundary;

import jakarta.ejb.Stateless;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.coloc.inventory.control.Capacity;
import org.coloc.inventory.control.RecordInputs;
import org.coloc.inventory.entity.Host;
import org.coloc.inventory.entity.HostFields;
import org.coloc.platform.ListRequest;
import org.coloc.platform.Page;
import org.coloc.platform.ProblemException;

/** Hosts and their capacity: one transaction per call, each change logged with it. */
@Stateless
public class Hosts extends Records<Host, HostFields, HostView> {

    static final String TYPE = "host";
    private static final Map<String, String> SORTABLE = Map.of("name", "h.name", "status", "h.status",
            "cores", "h.cores", "memoryMiB", "h.memoryMiB", "storageGiB", "h.storageGiB", "created", "h.created",
            "updated", "h.updated", "id", "h.id");

    public Hosts() {
        super(Host.class, TYPE, "host", Host::new, null); // its view counts what runs on it: see view()
    }

    @Override
    public Page<HostView> list(ListRequest request) {
        Page<Host> page = listQuery("h")
                .filter(request.filter("status"), "h.status = :status", "status", Filters.oneOf("status", RecordInputs.HOST_STATUSES))
                .search(request.filter("q"), "LOWER(h.name)", "LOWER(h.model)", "LOWER(h.notes)")
                .sort(request.sort(), SORTABLE, "name")
                .page(em, request.paging());
        Map<Long, Capacity.Allocation> allocations = allocations();
        return page.map(h -> HostView.of(h, allocations.get(h.getId())));
    }

    /** Every host's capacity, and the totals over active hosts. */
    public CapacitySummary capacity() {
        Map<Long, Capacity.Allocation> allocations = allocations();
        List<HostView> hosts = em.createQuery("SELECT h FROM Host h ORDER BY h.name, h.id", Host.class).getResultList()
                .stream().map(h -> HostView.of(h, allocations.get(h.getId()))).toList();
        // what retired hosts offer is gone, what their VMs still take is not
        List<HostView> offering = hosts.stream().filter(h -> !"retired".equals(h.status())).toList();
        Capacity total = Capacity.of(sum(offering, HostView::cores), sum(offering, HostView::memoryMiB),
                sum(offering, HostView::storageGiB), new Capacity.Allocation(
                        sum(hosts, h -> h.capacity().vcpus().allocated()),
                        sum(hosts, h -> h.capacity().memoryMiB().allocated()),
                        sum(hosts, h -> h.capacity().diskGiB().allocated()), sum(hosts, h -> h.capacity().vmCount())));
        return new CapacitySummary(hosts.stream().map(h -> new CapacitySummary.HostCapacity(h.id(), h.name(),
                h.status(), h.capacity(), h.overcommitted())).toList(), total);
    }

    @Override
    protected HostFields fields(JsonValue body) {
        return RecordInputs.host(body);
    }

    @Override
    protected void checkDeletable(Host h) {
        long vms = em.createQuery("SELECT COUNT(v) FROM VirtualMachine v WHERE v.hostId = :id", Long.class)
                .setParameter("id", h.getId()).getSingleResult();
        if (vms > 0) {
            throw ProblemException.conflict("Host " + h.getName() + " still carries " + vms
                    + " VM(s); move or delete them first.");
        }
    }

    @Override
    protected void checkFree(HostFields fields, Long self) {
        String name = fields.name();
        List<Long> ids = em.createQuery("SELECT h.id FROM Host h WHERE h.nameKey = :k", Long.class)
                .setParameter("k", name.toLowerCase(Locale.ROOT)).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ProblemException.conflict("A host named " + name + " exists already (host " + ids.get(0) + ").");
        }
    }

    /** With what its VMs take of it, so that a host is never shown without its capacity. */
    @Override
    protected HostView view(Host h) {
        List<Object[]> rows = em.createQuery("SELECT SUM(v.vcpus), SUM(v.memoryMiB), SUM(v.diskGiB), COUNT(v) "
                + "FROM VirtualMachine v WHERE v.hostId = :id AND v.status <> 'decommissioned'", Object[].class)
                .setParameter("id", h.getId()).getResultList();
        return HostView.of(h, rows.isEmpty() ? null : allocation(rows.get(0), 0));
    }

    private Map<Long, Capacity.Allocation> allocations() {
        Map<Long, Capacity.Allocation> byHost = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT v.hostId, SUM(v.vcpus), SUM(v.memoryMiB), SUM(v.diskGiB), COUNT(v) "
                + "FROM VirtualMachine v WHERE v.hostId IS NOT NULL AND v.status <> 'decommissioned' GROUP BY v.hostId",
                Object[].class).getResultList()) {
            byHost.put(((Number) row[0]).longValue(), allocation(row, 1));
        }
        return byHost;
    }

    private static Capacity.Allocation allocation(Object[] row, int from) {
        return new Capacity.Allocation(number(row[from]), number(row[from + 1]), number(row[from + 2]),
                number(row[from + 3]));
    }

    private static long sum(List<HostView> hosts, ToLongFunction<HostView> value) {
        return hosts.stream().mapToLong(value).sum();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
