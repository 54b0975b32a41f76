package org.coloc.inventory.entity;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import lombok.Getter;

/** A domain the shared reverse proxy serves for a VM, with the expiry of its certificate when known. */
@Embeddable
@Getter
public class VmDomain {

    private String name;

    private LocalDate certificateExpires;

    protected VmDomain() {
        // for JPA
    }

    public VmDomain(String name, LocalDate certificateExpires) {
        this.name = name;
        this.certificateExpires = certificateExpires;
    }
}
