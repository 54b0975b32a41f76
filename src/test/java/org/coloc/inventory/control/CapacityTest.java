package org.coloc.inventory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapacityTest {

    @Test
    void availableIsTotalMinusAllocated() {
        Capacity c = Capacity.of(16, 65536, 2000, new Capacity.Allocation(6, 16384, 500, 3));
        assertEquals(new Capacity.Resource(16, 6, 10), c.vcpus());
        assertEquals(new Capacity.Resource(65536, 16384, 49152), c.memoryMiB());
        assertEquals(new Capacity.Resource(2000, 500, 1500), c.diskGiB());
        assertEquals(3, c.vmCount());
        assertFalse(c.overcommitted());
    }

    @Test
    void exactlyFullIsNotOvercommitted() {
        Capacity c = Capacity.of(4, 1024, 10, new Capacity.Allocation(4, 1024, 10, 1));
        assertEquals(0, c.vcpus().available());
        assertFalse(c.overcommitted());
    }

    @Test
    void availableGoesNegativeWhenOvercommittedOnAnyResource() {
        Capacity cpu = Capacity.of(4, 1024, 10, new Capacity.Allocation(6, 512, 5, 2));
        assertEquals(-2, cpu.vcpus().available());
        assertTrue(cpu.overcommitted());
        assertTrue(Capacity.of(4, 1024, 10, new Capacity.Allocation(1, 1025, 5, 1)).overcommitted());
        Capacity disk = Capacity.of(4, 1024, 10, new Capacity.Allocation(1, 512, 11, 1));
        assertEquals(-1, disk.diskGiB().available());
        assertTrue(disk.overcommitted());
    }

    @Test
    void noAllocationMeansEverythingIsAvailable() {
        Capacity c = Capacity.of(8, 4096, 100, null);
        assertEquals(new Capacity(new Capacity.Resource(8, 0, 8), new Capacity.Resource(4096, 0, 4096),
                new Capacity.Resource(100, 0, 100), 0), c);
        assertEquals(c, Capacity.of(8, 4096, 100, Capacity.Allocation.NONE));
        assertFalse(c.overcommitted());
    }
}
