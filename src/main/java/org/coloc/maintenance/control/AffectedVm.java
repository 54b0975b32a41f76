package org.coloc.maintenance.control;

import java.util.List;

/** One of a member's VMs that a maintenance affects, as the notice lists it. */
public record AffectedVm(long id, String name, String hostname, List<String> domains) {

    public AffectedVm {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
