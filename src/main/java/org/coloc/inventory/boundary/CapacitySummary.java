package org.coloc.inventory.boundary;

import java.util.List;
import org.coloc.inventory.control.Capacity;

/** Capacity of every host, and in total over the hosts not retired. */
public record CapacitySummary(List<HostCapacity> hosts, Capacity total) {

    public record HostCapacity(long id, String name, String status, Capacity capacity, boolean overcommitted) {
    }
}
