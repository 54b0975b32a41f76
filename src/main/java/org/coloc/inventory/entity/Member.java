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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.Getter;
import org.coloc.platform.TrackedRecord;

/** A member of the collective: who is hosted, how to reach them, in which language. */
@Entity
@Table(name = "MEMBER", indexes = @Index(name = "IX_MEMBER_NAME", columnList = "DISPLAY_NAME, ID"))
@Getter
public class Member extends TrackedRecord implements Editable<MemberFields> {

    private String displayName;

    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MEMBER_OTHER_EMAIL", joinColumns = @JoinColumn(name = "MEMBER_ID"),
            indexes = @Index(name = "IX_MEMBER_OTHER_EMAIL_MEMBER", columnList = "MEMBER_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "EMAIL")
    private List<String> otherEmails = new ArrayList<>();

    /** Every address of the member, lower-cased: the database keeps them unique across all members. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "MEMBER_ADDRESS", joinColumns = @JoinColumn(name = "MEMBER_ID"),
            indexes = @Index(name = "IX_MEMBER_ADDRESS_MEMBER", columnList = "MEMBER_ID"),
            uniqueConstraints = @UniqueConstraint(name = "UQ_MEMBER_ADDRESS", columnNames = "ADDRESS"))
    @Column(name = "ADDRESS")
    private Set<String> addresses = new LinkedHashSet<>();

    private String project;

    private String language;

    private String notes;

    private LocalDate joined;

    private String status;

    private BigDecimal monthlyPledge;

    /** Set when our mail to one of the member's addresses bounced: which address, status and when. */
    private String emailFailing;

    protected Member() {
        // for JPA
    }

    public Member(MemberFields fields, Instant now) {
        apply(fields, now);
    }

    @Override
    public final void apply(MemberFields f, Instant now) {
        if (email != null && !Member.normalise(f.email()).equals(Member.normalise(email))) {
            emailFailing = null; // a new address deserves a new chance
        }
        displayName = f.displayName();
        email = f.email();
        otherEmails = new ArrayList<>(f.otherEmails());
        addresses = new LinkedHashSet<>(f.allAddresses());
        project = f.project();
        language = f.language();
        notes = f.notes();
        joined = f.joined();
        status = f.status();
        monthlyPledge = f.monthlyPledge();
        touch(now);
    }

    /** Our mail to {@code address} bounced; editing the member's addresses clears it (see {@link #apply}). */
    public void mailFailed(String address, String status, Instant now) {
        String note = address + (status == null ? "" : " " + status) + " " + now;
        emailFailing = note.length() > 400 ? note.substring(0, 400) : note;
    }

    public static String normalise(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    public List<String> getOtherEmails() {
        return List.copyOf(otherEmails);
    }

    public Set<String> getAddresses() {
        return Set.copyOf(addresses);
    }
}
