package org.coloc.inventory.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A member's editable fields, validated. */
public record MemberFields(String displayName, String email, List<String> otherEmails, String project,
        String language, String notes, LocalDate joined, String status, BigDecimal monthlyPledge) {

    /** Primary and other addresses, lower-cased: what must be unique across members. */
    public Set<String> allAddresses() {
        Set<String> all = new LinkedHashSet<>();
        all.add(Member.normalise(email));
        otherEmails.forEach(e -> all.add(Member.normalise(e)));
        return all;
    }
}
