package org.coloc.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A domain the shared reverse proxy serves for a VM, with the expiry of its certificate when known. */
@Embeddable
public class VmDomain {

    @Column(name = "NAME", nullable = false, length = 253)
    private String name;

    @Column(name = "CERTIFICATE_EXPIRES")
    private LocalDate certificateExpires;

    protected VmDomain() {
        // for JPA
    }

    public VmDomain(String name, LocalDate certificateExpires) {
        this.name = name;
        this.certificateExpires = certificateExpires;
    }

    public String getName() {
        return name;
    }

    public LocalDate getCertificateExpires() {
        return certificateExpires;
    }
}
