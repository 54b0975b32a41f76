package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.coloc.inventory.boundary.Records;
import org.coloc.inventory.boundary.Versioned;
import org.coloc.maintenance.control.Audience;
import org.coloc.maintenance.control.Edits;
import org.coloc.maintenance.control.MaintenanceInputs;
import org.coloc.maintenance.control.MaintenanceSettings;
import org.coloc.maintenance.control.NoticeFacts;
import org.coloc.maintenance.control.NoticeKind;
import org.coloc.maintenance.control.NoticeMails;
import org.coloc.maintenance.control.Reminders;
import org.coloc.maintenance.entity.Maintenance;
import org.coloc.maintenance.entity.MaintenanceFields;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.outbox.control.Composer;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.platform.ColocSettings;
import org.coloc.platform.Ids;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Labelled;
import org.coloc.platform.ListRequest;
import org.coloc.platform.Page;
import org.coloc.platform.Problem;
import org.coloc.platform.ProblemException;

/**
 * Planned maintenances: the record (the inventory's write path: change log, ETags, merge patch), who it tells, and
 * what the admin does with it (announce, cancel, complete). Each call is one transaction with the mails it causes.
 */
@Stateless
public class Maintenances extends Records<Maintenance, MaintenanceFields, MaintenanceView> {

    static final String TYPE = "maintenance";
    private static final Map<String, String> SORTABLE = Map.of("start", "m.startAt", "title", "m.title",
            "state", "m.state", "created", "m.created", "updated", "m.updated", "id", "m.id");

    @Inject
    ColocSettings coloc;

    @Inject
    MaintenanceSettings settings;

    @Inject
    OutgoingIds outgoingIds;

    @EJB
    Notices notices;

    @EJB
    MaintenanceDeadlines deadlines;

    /** Who is told, with their VMs. */
    public record AudienceView(List<Audience.Member> items, int total) {
    }

    /** The mail a member will get, as the outbox will write it. */
    public record Preview(String subject, String text, String calendar) {
    }

    public Maintenances() {
        super(Maintenance.class, TYPE, "maintenance", Maintenance::new, MaintenanceView::of);
    }

    @Override
    public Page<MaintenanceView> list(ListRequest request) {
        return listQuery("m")
                .filter(request.filter("state"), "m.state = :state", "state", Maintenances::state)
                .search(request.filter("q"), "LOWER(m.title)", "LOWER(m.titleEn)")
                .sort(request.sort(), SORTABLE, "start")
                .page(em, request.paging(), MaintenanceView::of);
    }

    public AudienceView audience(long id) {
        List<Audience.Member> members = notices.audience(find(id));
        return new AudienceView(members, members.size());
    }

    /** The announcement this member would get now; 404 for a member outside the audience. */
    public Preview preview(long id, String member) {
        if (member == null || member.isBlank()) {
            throw ProblemException.badRequest("Name the member: ?member={id}.");
        }
        long memberId = Ids.parse("member", member.strip());
        Maintenance m = find(id);
        Audience.Member a = notices.audience(m).stream().filter(x -> x.member() == memberId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId + " is not told about maintenance "
                        + id + ": no VM of theirs in service is affected."));
        NoticeFacts f = notices.facts(m, a.language(), a.displayName(), a.email(), a.vms(), null, null, null,
                clock.instant());
        OutgoingMail mail = Composer.compose(NoticeMails.toMember(NoticeKind.ANNOUNCEMENT, f, a.member(), null),
                outgoingIds, domain());
        return new Preview(mail.subject(), mail.text(), mail.calendar() == null ? null : mail.calendar().ics());
    }

    /** Draft → announced: one mail per member told, queued with the change. */
    public Versioned<MaintenanceView> announce(long id, String ifMatch, String actor) {
        Maintenance m = findAt(id, ifMatch);
        if (m.getState() != MaintenanceState.DRAFT) {
            throw stateConflict(m, ": only a draft is announced.");
        }
        Instant now = clock.instant();
        if (!m.getStartAt().isAfter(now)) {
            throw new InvalidInputException(List.of(new Problem.FieldError("start",
                    "must be in the future to announce the maintenance; move it first")));
        }
        MaintenanceView before = view(m);
        notices.announce(m, now);
        m.announce(now, Reminders.past(m.getStartAt(), now, settings.reminders()));
        return logged(m, actor, "announce", before);
    }

    /** Draft, announced or in progress → cancelled; those told hear it (a calendar CANCEL). */
    public Versioned<MaintenanceView> cancel(long id, String body, String ifMatch, String actor) {
        String reason = body == null || body.isBlank() ? null : MaintenanceInputs.reason(JsonBodies.parse(body));
        Maintenance m = findAt(id, ifMatch);
        if (m.getState().over()) {
            throw stateConflict(m, " already.");
        }
        Instant now = clock.instant();
        MaintenanceView before = view(m);
        boolean told = m.getState() != MaintenanceState.DRAFT;
        Map<Long, String> held = m.cancel(now, reason);
        if (told) {
            m.nextSequence();
            notices.tell(m, NoticeKind.CANCELLED, reason, null, null, now);
        }
        deadlines.release(m, held);
        return logged(m, actor, "cancel", before);
    }

    /** In progress → completed; those told hear it. */
    public Versioned<MaintenanceView> complete(long id, String ifMatch, String actor) {
        Maintenance m = findAt(id, ifMatch);
        if (m.getState() != MaintenanceState.IN_PROGRESS) {
            throw stateConflict(m, ": only one in progress is completed (cancel one that has not started).");
        }
        MaintenanceView before = view(m);
        deadlines.complete(m, clock.instant());
        return logged(m, actor, "complete", before);
    }

    private Versioned<MaintenanceView> logged(Maintenance m, String actor, String action, MaintenanceView before) {
        em.flush();
        changes.record(actor, TYPE, m.getId(), action, before, view(m));
        return versioned(m);
    }

    @Override
    protected MaintenanceFields fields(JsonValue body) {
        return MaintenanceInputs.read(body, coloc.timezone());
    }

    /** An edit of an announced maintenance tells its members (see {@link Edits}). */
    @Override
    protected void apply(Maintenance m, MaintenanceFields fields, Instant now) {
        MaintenanceFields before = m.fields();
        Edits.Effect effect = Edits.of(m.getState(), before, fields, now);
        m.apply(fields, now);
        if (!effect.noticed()) {
            return;
        }
        m.nextSequence();
        if (effect == Edits.Effect.RESCHEDULED) {
            m.windowMoved(m.getState() == MaintenanceState.ANNOUNCED
                    ? Reminders.past(fields.start(), now, settings.reminders()) : m.remindersDone());
        }
        notices.tell(m, effect.notice(), null, before.start(), before.end(), now);
    }

    /** Ids that name no host or VM: 400, each named. Only new ids are checked (a host may go after it was named). */
    @Override
    protected void checkFree(MaintenanceFields fields, Long self) {
        Set<Long> oldHosts = new HashSet<>();
        Set<Long> oldVms = new HashSet<>();
        if (self != null) {
            Maintenance m = find(self);
            oldHosts.addAll(m.getHosts());
            oldVms.addAll(m.getVms());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        missing(fields.hosts(), oldHosts, "SELECT h.id FROM Host h WHERE h.id IN :ids", "hosts", "no host ", errors);
        missing(fields.vms(), oldVms, "SELECT v.id FROM VirtualMachine v WHERE v.id IN :ids", "vms", "no VM ", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void missing(Set<Long> ids, Set<Long> known, String query, String field, String what,
            List<Problem.FieldError> errors) {
        Set<Long> asked = new TreeSet<>(ids);
        asked.removeAll(known);
        if (asked.isEmpty()) {
            return;
        }
        List<Long> found = em.createQuery(query, Long.class).setParameter("ids", List.copyOf(asked)).getResultList();
        asked.removeAll(found);
        if (!asked.isEmpty()) {
            errors.add(new Problem.FieldError(field, what + asked.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
    }

    /** Only a draft goes without a trace: members were told about the others. */
    @Override
    protected void checkDeletable(Maintenance m) {
        if (m.getState() != MaintenanceState.DRAFT) {
            throw stateConflict(m, ": only a draft is deleted (cancel it instead).");
        }
    }

    /** 409 for an action its state forbids: "Maintenance 7 is cancelled" and the rule, e.g. " already.". */
    private static ProblemException stateConflict(Maintenance m, String rule) {
        return ProblemException.conflict("Maintenance " + m.getId() + " is " + m.getState().label() + rule);
    }

    private static MaintenanceState state(String raw) {
        return Labelled.find(MaintenanceState.class, raw.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ProblemException.badRequest("state must be one of draft, announced, in-progress, "
                        + "completed, cancelled."));
    }

    private String domain() {
        String address = coloc.address();
        return address.substring(address.indexOf('@') + 1);
    }
}
