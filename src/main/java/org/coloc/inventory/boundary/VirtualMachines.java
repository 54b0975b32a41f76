package org.coloc.inventory.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coloc.inventory.control.RecordInputs;
import org.coloc.inventory.entity.Host;
import org.coloc.inventory.entity.Member;
import org.coloc.inventory.entity.VirtualMachine;
import org.coloc.inventory.entity.VmDomain;
import org.coloc.inventory.entity.VmFields;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.ListRequest;
import org.coloc.platform.Page;
import org.coloc.platform.Problem;
import org.coloc.platform.ProblemException;

/** VMs: one transaction per call, each change logged with it. */
@Stateless
public class VirtualMachines extends Records<VirtualMachine, VmFields, VmView> {

    static final String TYPE = "vm";
    private static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("name", "v.name"),
            Map.entry("hostname", "v.hostname"), Map.entry("os", "v.os"), Map.entry("status", "v.status"),
            Map.entry("vcpus", "v.vcpus"), Map.entry("memoryMiB", "v.memoryMiB"), Map.entry("diskGiB", "v.diskGiB"),
            Map.entry("host", "v.hostId"), Map.entry("owner", "v.ownerId"), Map.entry("created", "v.created"),
            Map.entry("updated", "v.updated"), Map.entry("id", "v.id"));

    @Inject
    InventoryClock inventoryClock;

    public VirtualMachines() {
        super(VirtualMachine.class, TYPE, "VM", VirtualMachine::new, VmView::of);
    }

    @Override
    public Page<VmView> list(ListRequest request) {
        return listQuery("v")
                .filter(request.filter("host"), "v.hostId = :host", "host", Filters.id("host"))
                .filter(request.filter("owner"), "v.ownerId = :owner", "owner", Filters.id("owner"))
                .filter(request.filter("status"), "v.status = :status", "status", Filters.oneOf("status", RecordInputs.VM_STATUSES))
                .filter(request.filter("os"), "v.os = :os", "os", Filters.oneOf("os", RecordInputs.OPERATING_SYSTEMS))
                // domain names are stored in lower case
                .search(request.filter("q"), "LOWER(v.name)", "LOWER(v.hostname)", "LOWER(v.notes)",
                        "EXISTS (SELECT w.id FROM VirtualMachine w JOIN w.domains d WHERE w = v"
                                + " AND d.name LIKE :q ESCAPE '\\')")
                .sort(request.sort(), SORTABLE, "name")
                .page(em, request.paging(), VmView::of);
    }

    @Override
    protected VmFields fields(JsonValue body) {
        return RecordInputs.vm(body);
    }

    /** Its host and owner must exist (400), its name, addresses and domains be its own (409). */
    @Override
    protected void checkFree(VmFields fields, Long self) {
        checkReferences(fields);
        checkUnique(fields, self);
    }

    /** Certificates of VMs still in service that expire within {@code days} (or already have), soonest first. */
    public List<CertificateView> certificatesExpiring(int days) {
        LocalDate today = inventoryClock.today();
        LocalDate limit = today.plusDays(days);
        List<CertificateView> out = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT v.id, v.name, d.name, d.certificateExpires FROM VirtualMachine v "
                + "JOIN v.domains d WHERE d.certificateExpires IS NOT NULL AND d.certificateExpires <= :limit "
                + "AND v.status <> 'decommissioned' ORDER BY d.certificateExpires, d.name", Object[].class)
                .setParameter("limit", limit).getResultList()) {
            LocalDate expires = (LocalDate) row[3];
            out.add(new CertificateView((Long) row[0], (String) row[1], (String) row[2], expires,
                    ChronoUnit.DAYS.between(today, expires)));
        }
        return out;
    }

    private void checkReferences(VmFields f) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Host host = f.hostId() == null ? null : em.find(Host.class, f.hostId());
        if (f.hostId() != null && host == null) {
            errors.add(new Problem.FieldError("host", "no host " + f.hostId()));
        }
        Member owner = f.ownerId() == null ? null : em.find(Member.class, f.ownerId());
        if (f.ownerId() != null && owner == null) {
            errors.add(new Problem.FieldError("owner", "no member " + f.ownerId()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void checkUnique(VmFields f, Long self) {
        List<Long> named = em.createQuery("SELECT v.id FROM VirtualMachine v WHERE v.nameKey = :k", Long.class)
                .setParameter("k", f.name().toLowerCase(Locale.ROOT)).getResultList();
        if (!named.isEmpty() && !named.get(0).equals(self)) {
            throw ProblemException.conflict("A VM named " + f.name() + " exists already (VM " + named.get(0) + ").");
        }
        conflict("IPv4 address", "SELECT v.id, a FROM VirtualMachine v JOIN v.ipv4 a WHERE a IN :values", f.ipv4(), self);
        conflict("IPv6 address", "SELECT v.id, a FROM VirtualMachine v JOIN v.ipv6 a WHERE a IN :values", f.ipv6(), self);
        conflict("domain", "SELECT v.id, d.name FROM VirtualMachine v JOIN v.domains d WHERE d.name IN :values",
                f.domains().stream().map(VmDomain::getName).toList(), self);
    }

    private void conflict(String what, String jpql, List<String> values, Long self) {
        if (values.isEmpty()) {
            return;
        }
        for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("values", values).getResultList()) {
            if (!row[0].equals(self)) {
                throw ProblemException.conflict("The " + what + " " + row[1] + " is already used by VM " + row[0] + ".");
            }
        }
    }
}
