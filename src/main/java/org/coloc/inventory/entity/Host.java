package org.coloc.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.platform.TrackedRecord;

/** A physical server in the rack. */
@Entity
@Table(name = "HOST", indexes = @Index(name = "IX_HOST_NAME", columnList = "NAME, ID"))
@Getter
public class Host extends TrackedRecord implements Editable<HostFields> {

    private String name;

    /** Lower-cased name: names are unique whatever their case. */
    @Getter(AccessLevel.NONE)
    private String nameKey;

    private String model;

    private String rackPosition;

    private int cores;

    @Column(name = "MEMORY_MIB")
    private long memoryMiB;

    @Column(name = "STORAGE_GIB")
    private long storageGiB;

    private String status;

    private String notes;

    protected Host() {
        // for JPA
    }

    public Host(HostFields fields, Instant now) {
        apply(fields, now);
    }

    @Override
    public final void apply(HostFields f, Instant now) {
        name = f.name();
        nameKey = f.name().toLowerCase(Locale.ROOT);
        model = f.model();
        rackPosition = f.rackPosition();
        cores = f.cores();
        memoryMiB = f.memoryMiB();
        storageGiB = f.storageGiB();
        status = f.status();
        notes = f.notes();
        touch(now);
    }
}
