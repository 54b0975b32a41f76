package org.coloc.maintenance.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told about a maintenance, computed from the inventory and never typed by hand: the owners of the VMs in
 * service on the affected hosts (every host for {@code everything}), plus the owners of the VMs it names. Only
 * active members: a former member has nothing running here any more, and a member without an affected VM is not
 * bothered. Each member is listed with their own affected VMs only. Pure code.
 *
 * <p>"In service" here means provisioning, active or suspended. A {@code decommissioned} VM is gone. A
 * {@code requested} VM is left out too: it is only asked for, nothing of the member's runs yet, and a notice listing a
 * VM they do not have would confuse them; once the admin starts building it (provisioning) its owner is told.
 */
public final class Audience {

    /** VM statuses whose owners are told (see the class comment for {@code requested}). */
    public static final Set<String> IN_SERVICE = Set.of("provisioning", "active", "suspended");
    public static final String ACTIVE_MEMBER = "active";

    private Audience() {
    }

    /** What a maintenance affects. */
    public record Scope(boolean everything, Set<Long> hosts, Set<Long> vms) {

        public Scope {
            hosts = Set.copyOf(hosts);
            vms = Set.copyOf(vms);
        }
    }

    /** A VM as the inventory holds it; {@code hostId} and {@code ownerId} may be null. */
    public record VmRow(long id, String name, String hostname, Long hostId, Long ownerId, String status,
            List<String> domains) {
    }

    /** A member as the inventory holds them. */
    public record MemberRow(long id, String displayName, String email, String language, String status) {
    }

    /** One member told, with their affected VMs (by name). */
    public record Member(long member, String displayName, String email, String language, List<AffectedVm> vms) {

        public Member {
            vms = List.copyOf(vms);
        }
    }

    /** Whether the maintenance affects this VM, whoever owns it. */
    public static boolean affects(Scope scope, VmRow vm) {
        if (!IN_SERVICE.contains(vm.status())) {
            return false;
        }
        return scope.everything() || scope.vms().contains(vm.id())
                || vm.hostId() != null && scope.hosts().contains(vm.hostId());
    }

    /**
     * @param vms candidate VMs (any superset of the affected ones: those the scope does not affect are left out)
     * @param members the owners of these VMs, by id (a missing owner is left out)
     * @return the members told, by display name, each with their affected VMs by name
     */
    public static List<Member> of(Scope scope, Collection<VmRow> vms, Map<Long, MemberRow> members) {
        Map<Long, List<AffectedVm>> byOwner = new LinkedHashMap<>();
        for (VmRow vm : vms) {
            if (vm.ownerId() == null || !affects(scope, vm)) {
                continue;
            }
            MemberRow owner = members.get(vm.ownerId());
            if (owner == null || !ACTIVE_MEMBER.equals(owner.status())) {
                continue;
            }
            byOwner.computeIfAbsent(owner.id(), k -> new ArrayList<>())
                    .add(new AffectedVm(vm.id(), vm.name(), vm.hostname(), vm.domains()));
        }
        List<Member> out = new ArrayList<>();
        byOwner.forEach((id, owned) -> {
            MemberRow m = members.get(id);
            owned.sort(Comparator.comparing(AffectedVm::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparingLong(AffectedVm::id));
            out.add(new Member(id, m.displayName(), m.email(), m.language(), owned));
        });
        out.sort(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(Member::member));
        return out;
    }
}
