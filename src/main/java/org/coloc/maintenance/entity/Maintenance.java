package org.coloc.maintenance.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import lombok.Getter;
import org.coloc.platform.TrackedRecord;

/**
 * A planned maintenance: a window (start, and an end unless it lasts "until done"), what it affects (hosts,
 * VMs, or everything), and where it stands. Who is told is never stored here: it is computed from the
 * inventory (hosts → VMs in service → owners) when the notices are written; see {@link NoticeRecipient} for
 * whom they went to.
 *
 * <p>{@code sequence} is the iCalendar SEQUENCE of the invitation: it grows by one each time the window or
 * the text changes after the announcement, so calendars replace the event instead of adding a second one.
 */
@Entity
@Table(name = "MAINTENANCE")
@Getter
public class Maintenance extends TrackedRecord {

    /** French title and description; the English ones are optional (French is used when absent). */
    private String title;

    private String description;

    private String titleEn;

    private String descriptionEn;

    private Instant startAt;

    /** Null: "until done", the admin completes it. */
    private Instant endAt;

    /** IANA zone the window is shown in (default {@code coloc.timezone}). */
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MAINTENANCE_HOST", joinColumns = @JoinColumn(name = "MAINTENANCE_ID"))
    @Column(name = "HOST_ID")
    private Set<Long> hosts = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MAINTENANCE_VM", joinColumns = @JoinColumn(name = "MAINTENANCE_ID"))
    @Column(name = "VM_ID")
    private Set<Long> vms = new LinkedHashSet<>();

    /** Affects every host (and so every member with a VM in service). */
    private boolean everything;

    /** Completes itself at its end time instead of reminding the admin to complete it. */
    private boolean autoComplete;

    @Convert(converter = MaintenanceStateConverter.class)
    private MaintenanceState state = MaintenanceState.DRAFT;

    @Column(name = "ICAL_SEQUENCE")
    private int sequence;

    private Instant announcedAt;

    private Instant startedAt;

    private Instant completedAt;

    private Instant cancelledAt;

    private String cancelReason;

    protected Maintenance() {
        // for JPA
    }
}
