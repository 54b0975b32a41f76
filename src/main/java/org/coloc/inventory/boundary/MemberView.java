package org.coloc.inventory.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.coloc.inventory.entity.Member;

/** A member as the API shows it. */
public record MemberView(long id, String displayName, String email, List<String> otherEmails, String project,
        String language, String notes, LocalDate joined, String status, BigDecimal monthlyPledge, String emailFailing,
        Instant created, Instant updated) {

    public static MemberView of(Member m) {
        return new MemberView(m.getId(), m.getDisplayName(), m.getEmail(), m.getOtherEmails(), m.getProject(),
                m.getLanguage(), m.getNotes(), m.getJoined(), m.getStatus(), m.getMonthlyPledge(), m.getEmailFailing(), m.getCreated(),
                m.getUpdated());
    }
}
