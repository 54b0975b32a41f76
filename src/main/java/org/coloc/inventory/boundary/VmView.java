package org.coloc.inventory.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.coloc.inventory.entity.VirtualMachine;

/** A VM as the API shows it; {@code host} and {@code owner} are ids. */
public record VmView(long id, String name, String hostname, String os, String osVersion, int vcpus, long memoryMiB,
        long diskGiB, Long host, Long owner, List<String> ipv4, List<String> ipv6, List<Domain> domains, String status,
        String notes, Long caseNumber, Instant created, Instant updated) {

    public record Domain(String name, LocalDate certificateExpires) {
    }

    public static VmView of(VirtualMachine v) {
        return new VmView(v.getId(), v.getName(), v.getHostname(), v.getOs(), v.getOsVersion(), v.getVcpus(),
                v.getMemoryMiB(), v.getDiskGiB(), v.getHostId(), v.getOwnerId(), v.getIpv4(), v.getIpv6(),
                v.getDomains().stream().map(d -> new Domain(d.getName(), d.getCertificateExpires())).toList(),
                v.getStatus(), v.getNotes(), v.getCaseNumber(), v.getCreated(), v.getUpdated());
    }
}
