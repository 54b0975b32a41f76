package org.coloc.inventory.control;

/**
 * What a host has, what its VMs take, and what is left (negative when overcommitted). Decommissioned VMs take
 * nothing. Pure code.
 */
public record Capacity(Resource vcpus, Resource memoryMiB, Resource diskGiB, long vmCount) {

    public record Resource(long total, long allocated, long available) {

        static Resource of(long total, long allocated) {
            return new Resource(total, allocated, total - allocated);
        }
    }

    public static Capacity of(long cores, long memoryMiB, long storageGiB, Allocation allocation) {
        Allocation a = allocation == null ? Allocation.NONE : allocation;
        return new Capacity(Resource.of(cores, a.vcpus()), Resource.of(memoryMiB, a.memoryMiB()),
                Resource.of(storageGiB, a.diskGiB()), a.vmCount());
    }

    public boolean overcommitted() {
        return vcpus.available() < 0 || memoryMiB.available() < 0 || diskGiB.available() < 0;
    }

    /** The sums over a host's VMs. */
    public record Allocation(long vcpus, long memoryMiB, long diskGiB, long vmCount) {

        public static final Allocation NONE = new Allocation(0, 0, 0, 0);
    }
}
