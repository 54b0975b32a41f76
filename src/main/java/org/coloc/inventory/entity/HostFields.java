package org.coloc.inventory.entity;

/** A host's editable fields, validated. */
public record HostFields(String name, String model, String rackPosition, int cores, long memoryMiB, long storageGiB,
        String status, String notes) {
}
