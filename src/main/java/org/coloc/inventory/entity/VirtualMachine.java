package org.coloc.inventory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.platform.TrackedRecord;

/** A virtual machine lent to a member, on a host, with its addresses and the domains served for it. */
@Entity
@Table(name = "VM", indexes = {@Index(name = "IX_VM_NAME", columnList = "NAME, ID"),
        @Index(name = "IX_VM_HOST", columnList = "HOST_ID"), @Index(name = "IX_VM_OWNER", columnList = "OWNER_ID")})
@Getter
public class VirtualMachine extends TrackedRecord implements Editable<VmFields> {

    private String name;

    @Getter(AccessLevel.NONE)
    private String nameKey;

    private String hostname;

    private String os;

    private String osVersion;

    private int vcpus;

    @Column(name = "MEMORY_MIB")
    private long memoryMiB;

    @Column(name = "DISK_GIB")
    private long diskGiB;

    // Host and owner as plain ids, not relationships: a VM view needs only the ids, and a mapped
    // relationship would load the host and the member (with its addresses) for every VM of a list.
    // Writes check that they exist; deleting a host or member still referenced is refused.
    private Long hostId;

    private Long ownerId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "VM_IPV4", joinColumns = @JoinColumn(name = "VM_ID"),
            indexes = @Index(name = "IX_VM_IPV4_VM", columnList = "VM_ID"),
            uniqueConstraints = @UniqueConstraint(name = "UQ_VM_IPV4", columnNames = "ADDRESS"))
    @OrderColumn(name = "POSITION")
    @Column(name = "ADDRESS")
    private List<String> ipv4 = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "VM_IPV6", joinColumns = @JoinColumn(name = "VM_ID"),
            indexes = @Index(name = "IX_VM_IPV6_VM", columnList = "VM_ID"),
            uniqueConstraints = @UniqueConstraint(name = "UQ_VM_IPV6", columnNames = "ADDRESS"))
    @OrderColumn(name = "POSITION")
    @Column(name = "ADDRESS")
    private List<String> ipv6 = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "VM_DOMAIN", joinColumns = @JoinColumn(name = "VM_ID"),
            indexes = @Index(name = "IX_VM_DOMAIN_VM", columnList = "VM_ID"),
            uniqueConstraints = @UniqueConstraint(name = "UQ_VM_DOMAIN", columnNames = "NAME"))
    @OrderColumn(name = "POSITION")
    private List<VmDomain> domains = new ArrayList<>();

    /**
     * The same addresses and domains as one JSON value in the VM's row: reads (lists, views) take them from
     * here in the same query; the collection tables above exist for the uniqueness constraints and for
     * searching by domain or address.
     */
    @Getter(AccessLevel.NONE)
    private String networkJson;

    private String status;

    private String notes;

    /** The case the VM was requested in (cases arrive with issue 4). */
    private Long caseNumber;

    protected VirtualMachine() {
        // for JPA
    }

    public VirtualMachine(VmFields fields, Instant now) {
        apply(fields, now);
    }

    /** The fields' host and owner ids must have been checked to exist. */
    @Override
    public final void apply(VmFields f, Instant now) {
        name = f.name();
        nameKey = f.name().toLowerCase(Locale.ROOT);
        hostname = f.hostname();
        os = f.os();
        osVersion = f.osVersion();
        vcpus = f.vcpus();
        memoryMiB = f.memoryMiB();
        diskGiB = f.diskGiB();
        hostId = f.hostId();
        ownerId = f.ownerId();
        ipv4 = new ArrayList<>(f.ipv4());
        ipv6 = new ArrayList<>(f.ipv6());
        domains = new ArrayList<>(f.domains());
        networkJson = NetworkJson.write(f.ipv4(), f.ipv6(), f.domains());
        network = null;
        status = f.status();
        notes = f.notes();
        caseNumber = f.caseNumber();
        touch(now);
    }

    public List<String> getIpv4() {
        return network().ipv4();
    }

    public List<String> getIpv6() {
        return network().ipv6();
    }

    public List<VmDomain> getDomains() {
        return network().domains();
    }

    @Getter(AccessLevel.NONE)
    private transient NetworkJson.Network network;

    private NetworkJson.Network network() {
        if (network == null) {
            network = NetworkJson.read(networkJson);
        }
        return network;
    }
}
