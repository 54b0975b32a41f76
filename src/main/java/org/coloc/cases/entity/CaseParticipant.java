package org.coloc.cases.entity;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import lombok.Getter;

/**
 * Someone the admin's replies for a case go to: the address, who brought it in (the requester's or the
 * admin's address for a Cc of theirs, the admin's login for one he added) and when. Rows from before these
 * were recorded have neither.
 */
@Embeddable
@Getter
public class CaseParticipant {

    private String address;

    private String addedBy;

    private Instant addedAt;

    protected CaseParticipant() {
        // for JPA
    }

    public CaseParticipant(String address, String addedBy, Instant addedAt) {
        this.address = Objects.requireNonNull(address);
        this.addedBy = addedBy == null || addedBy.length() <= 254 ? addedBy : addedBy.substring(0, 254);
        this.addedAt = addedAt;
    }

    /** One row per address: a set of participants holds an address once. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CaseParticipant p && address.equals(p.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}
