package org.coloc.maintenance.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import org.coloc.inventory.entity.Editable;
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
public class Maintenance extends TrackedRecord implements Editable<MaintenanceFields> {

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

    /**
     * The reminder offsets done with (sent, or skipped because their time had passed), as a comma list of ISO-8601
     * durations: each reminder goes out at most once, also across restarts.
     */
    @Getter(AccessLevel.NONE)
    private String remindersDone;

    /** When the admin was reminded to complete it (its end time came); null: not yet. */
    private Instant endRemindedAt;

    /**
     * While in progress: the affected hosts, put in status {@code maintenance}, and the status each had before, to
     * which it returns afterwards.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MAINTENANCE_HELD_HOST", joinColumns = @JoinColumn(name = "MAINTENANCE_ID"))
    @MapKeyColumn(name = "HOST_ID")
    @Column(name = "PREVIOUS_STATUS")
    @Getter(AccessLevel.NONE)
    private Map<Long, String> heldHosts = new HashMap<>();

    protected Maintenance() {
        // for JPA
    }

    public Maintenance(MaintenanceFields fields, Instant now) {
        apply(fields, now);
    }

    /** Takes the edited fields; what that means for the members once announced is the boundary's business. */
    @Override
    public final void apply(MaintenanceFields f, Instant now) {
        if (state.over()) {
            throw new IllegalStateException("maintenance " + getId() + " is " + state.label());
        }
        title = f.title();
        description = f.description();
        titleEn = f.titleEn();
        descriptionEn = f.descriptionEn();
        startAt = f.start();
        endAt = f.end();
        timeZone = f.zone().getId();
        hosts = new LinkedHashSet<>(new TreeSet<>(f.hosts()));
        vms = new LinkedHashSet<>(new TreeSet<>(f.vms()));
        everything = f.everything();
        autoComplete = f.autoComplete();
        touch(now);
    }

    /** The fields as they are now (to compare with an edit). */
    public MaintenanceFields fields() {
        return new MaintenanceFields(title, description, titleEn, descriptionEn, startAt, endAt, zone(), hosts, vms,
                everything, autoComplete);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Set<Long> getHosts() {
        return Set.copyOf(hosts);
    }

    public Set<Long> getVms() {
        return Set.copyOf(vms);
    }

    /** Draft → announced; the reminders whose time already passed are done with (none is sent for them). */
    public void announce(Instant now, Set<Duration> remindersPast) {
        expect(MaintenanceState.DRAFT);
        state = MaintenanceState.ANNOUNCED;
        announcedAt = now;
        remindersDone = write(remindersPast);
        touch(now);
    }

    /** The window or the text changed after the announcement: calendars must replace the event. */
    public void nextSequence() {
        sequence++;
    }

    public Set<Duration> remindersDone() {
        if (remindersDone == null || remindersDone.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(remindersDone.split(",")).map(Duration::parse).collect(Collectors.toUnmodifiableSet());
    }

    /** Which reminders are done with, from now on (more of them, or afresh for a new window). */
    public void remindersDone(Set<Duration> done) {
        remindersDone = write(done);
    }

    /**
     * The window moved after the announcement: the reminders start over with these done already, and the admin is
     * reminded again at the new end.
     */
    public void windowMoved(Set<Duration> remindersDoneNow) {
        remindersDone = write(remindersDoneNow);
        endRemindedAt = null;
    }

    /** Announced → in progress, the affected hosts held with their previous statuses. */
    public void start(Instant now, Map<Long, String> previousStatuses) {
        expect(MaintenanceState.ANNOUNCED);
        state = MaintenanceState.IN_PROGRESS;
        startedAt = now;
        heldHosts = new HashMap<>(previousStatuses);
        touch(now);
    }

    /** In progress → completed; answers the hosts it held and their previous statuses. */
    public Map<Long, String> complete(Instant now) {
        expect(MaintenanceState.IN_PROGRESS);
        state = MaintenanceState.COMPLETED;
        completedAt = now;
        touch(now);
        return release();
    }

    /** Any state not over → cancelled; answers the hosts it held (when in progress) and their previous statuses. */
    public Map<Long, String> cancel(Instant now, String reason) {
        if (state.over()) {
            throw new IllegalStateException("maintenance " + getId() + " is " + state.label());
        }
        state = MaintenanceState.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
        touch(now);
        return release();
    }

    /** The admin was told that its end time came. */
    public void endReminded(Instant now) {
        endRemindedAt = now;
    }

    /** The hosts held now, with the status each had before. */
    public Map<Long, String> heldHosts() {
        return Map.copyOf(heldHosts);
    }

    private Map<Long, String> release() {
        Map<Long, String> held = Map.copyOf(heldHosts);
        heldHosts = new HashMap<>();
        return held;
    }

    private void expect(MaintenanceState expected) {
        if (state != expected) {
            throw new IllegalStateException("maintenance " + getId() + " is " + state.label() + ", not "
                    + expected.label());
        }
    }

    private static String write(Set<Duration> done) {
        return done.isEmpty() ? null
                : done.stream().sorted().map(Duration::toString).collect(Collectors.joining(","));
    }
}
