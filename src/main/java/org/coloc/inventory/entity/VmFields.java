package org.coloc.inventory.entity;

import java.util.List;

/** A VM's editable fields, validated; {@code hostId} and {@code ownerId} are still to be resolved. */
public record VmFields(String name, String hostname, String os, String osVersion, int vcpus, long memoryMiB,
        long diskGiB, Long hostId, Long ownerId, List<String> ipv4, List<String> ipv6, List<VmDomain> domains,
        String status, String notes, Long caseNumber) {
}
