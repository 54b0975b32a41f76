package org.coloc.inventory.boundary;

import java.time.Instant;
import org.coloc.inventory.control.Capacity;
import org.coloc.inventory.entity.Host;

/** A host as the API shows it, with what its VMs take of it. */
public record HostView(long id, String name, String model, String rackPosition, int cores, long memoryMiB,
        long storageGiB, String status, String notes, Instant created, Instant updated, Capacity capacity,
        boolean overcommitted) {

    public static HostView of(Host h, Capacity.Allocation allocation) {
        Capacity c = Capacity.of(h.getCores(), h.getMemoryMiB(), h.getStorageGiB(), allocation);
        return new HostView(h.getId(), h.getName(), h.getModel(), h.getRackPosition(), h.getCores(), h.getMemoryMiB(),
                h.getStorageGiB(), h.getStatus(), h.getNotes(), h.getCreated(), h.getUpdated(), c, c.overcommitted());
    }
}
