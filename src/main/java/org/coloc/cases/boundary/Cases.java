package org.coloc.cases.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.coloc.cases.control.CaseSettings;
import org.coloc.cases.control.NoReply;
import org.coloc.cases.control.Participants;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.CaseParticipant;
import org.coloc.cases.entity.CaseState;
import org.coloc.cases.entity.MessageDirection;
import org.coloc.cases.entity.SupportCase;
import org.coloc.intake.control.ParsedMail;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.platform.Ids;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;

/**
 * Cases: the admin's work on a case (list, get, reply, note, change, participants) and the acknowledgement of a
 * new case. Every mail a change causes is written to the outbox in the same transaction. Incoming mail reaches
 * cases through the mail router ({@code routing}) and {@link CaseMail}.
 */
@Stateless
public class Cases extends CaseBean {

    private static final Logger LOG = Logger.getLogger(Cases.class.getName());
    /**
     * Longer Message-IDs are not repeated in the headers of our mails (a header line holds 998 characters);
     * an id stored as a hash ({@link CaseMessage#idKey}) is never repeated either.
     */
    static final int MAX_ID_IN_HEADER = 900;

    @Inject
    CaseSettings settings;

    @Inject
    CaseWrites writes;

    /** Addresses that never take part: ours and the admin's. */
    private Set<String> never() {
        return Participants.never(coloc.address(), adminAddress());
    }

    private int maxParticipants() {
        return settings.maxParticipants();
    }

    /** The admin adds someone his replies for this case go to. */
    public CaseView addParticipant(long number, String address, String actor) {
        SupportCase c = byNumber(number);
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (never().contains(a)) {
            throw ProblemException.badRequest(a + " is the coloc or the admin address: it is never a participant.");
        }
        if (c.takesPart(a)) {
            return view(c);
        }
        if (c.getParticipants().size() >= maxParticipants()) {
            throw ProblemException.conflict("Case #" + number + " has reached its limit of " + maxParticipants()
                    + " participants: remove one first.");
        }
        Instant now = clock.instant();
        c.join(new CaseParticipant(a, actor, now), now);
        addMessage(c, new CaseMessage(c.getId(), MessageDirection.NOTE, null, null, actor, now, a + " added as a participant."));
        changed(c, CaseChanged.Reason.PARTICIPANTS);
        return view(c);
    }

    /** The admin removes a participant: the admin's replies no longer go there. The requester stays. */
    public CaseView removeParticipant(long number, String address, String actor) {
        SupportCase c = byNumber(number);
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.equals(c.getRequester())) {
            throw ProblemException.conflict("The requester of case #" + number + " cannot be removed.");
        }
        Instant now = clock.instant();
        if (!c.leave(a, now)) {
            throw ProblemException.notFound(a + " is not a participant of case #" + number + ".");
        }
        addMessage(c, new CaseMessage(c.getId(), MessageDirection.NOTE, null, null, actor, now, a + " removed from the participants."));
        changed(c, CaseChanged.Reason.PARTICIPANTS);
        return view(c);
    }

    /**
     * The acknowledgement of a case just opened by {@code mail} from {@code from}, within the limits (none to
     * ourselves, no-reply addresses or the admin; per sender and per hour). Called by {@link CaseMail}.
     */
    public void acknowledge(SupportCase c, ParsedMail mail, String from) {
        if (from.equalsIgnoreCase(coloc.address()) || NoReply.matches(from)
                || (!adminAddress().isBlank() && from.equalsIgnoreCase(adminAddress()))) {
            return;
        }
        int limit = settings.ackLimit();
        if (outbox.recentlySent(OutboxKind.ACKNOWLEDGEMENT, from, ackWindow()) >= limit) {
            LOG.info(() -> "No acknowledgement for case #" + c.getNumber() + ": " + limit + " already sent to " + from);
            return;
        }
        // per address is not enough: plus-addressing (x+1@, x+2@…) makes as many addresses as a forger likes
        int perHour = settings.ackLimitPerHour();
        Set<String> lastHour = acknowledgedWithinTheHour();
        if (!lastHour.contains(c.getRequester()) && lastHour.size() >= perHour) {
            LOG.warning(() -> "No acknowledgement for case #" + c.getNumber() + ": " + perHour
                    + " addresses were acknowledged within the hour (coloc.cases.ack-limit-per-hour)");
            return;
        }
        List<String> references = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
        references.add(mail.messageId());
        Outbox.Queued ack = outbox.queue(NewMail.template(OutboxKind.ACKNOWLEDGEMENT, List.of(from),
                "case-acknowledgement", c.getLanguage(), Map.of()).aboutCase(c.getNumber(), mail.subject())
                .inThread(mail.messageId(), references));
        Instant now = clock.instant();
        c.acknowledged(now);
        writes.acknowledged(c.getRequester());
        addMessage(c, new CaseMessage(c.getId(), MessageDirection.OUTGOING, ack.messageId(), null, coloc.address(), now,
                ack.text()));
    }

    /** The requesters acknowledged within the last hour: read once per transaction, then kept up to date. */
    private Set<String> acknowledgedWithinTheHour() {
        Set<String> known = writes.acknowledgedWithinTheHour();
        if (known == null) {
            known = new HashSet<>(em.createNamedQuery(SupportCase.ACKNOWLEDGED_SINCE, String.class)
                    .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
                    .setFlushMode(FlushModeType.COMMIT).getResultList());
            writes.acknowledgedWithinTheHour(known);
            known = writes.acknowledgedWithinTheHour();
        }
        return known;
    }

    /** The admin's answer: a mail to the requester and participants, in the thread, tagged. */
    public CaseView reply(long number, String text, String actor) {
        SupportCase c = byNumber(number);
        List<CaseMessage> thread = messages(c);
        List<String> references = new ArrayList<>();
        String inReplyTo = null;
        for (CaseMessage m : thread) {
            if (m.getMessageId() != null && !MessageDirection.NOTE.equals(m.getDirection())
                    && m.getMessageId().length() <= MAX_ID_IN_HEADER) {
                references.add(m.getMessageId());
                if (MessageDirection.INCOMING.equals(m.getDirection())) {
                    inReplyTo = m.getMessageId();
                }
            }
        }
        List<String> to = new ArrayList<>(new LinkedHashSet<>(c.getParticipants()));
        to.removeIf(a -> a.equalsIgnoreCase(coloc.address()) || a.equalsIgnoreCase(adminAddress())
                || !Participants.usable(a));
        to.remove(c.getRequester());
        if (Participants.usable(c.getRequester())) {
            to.add(0, c.getRequester());
        }
        if (to.isEmpty()) {
            // e.g. a requester whose address is longer than any mail path: stored as a key, not mailable
            throw ProblemException.conflict("Case #" + number + " has no address a reply could be sent to.");
        }
        String id = outbox.queue(NewMail.written(OutboxKind.REPLY, to, null, text)
                .aboutCase(c.getNumber(), c.getSubject()).inThread(inReplyTo, references)).messageId();
        Instant now = clock.instant();
        addMessage(c, new CaseMessage(c.getId(), MessageDirection.OUTGOING, id, null, actor, now, text));
        c.answered(now, deadlines());
        writes.touched(c);
        changed(c, CaseChanged.Reason.REPLY);
        return view(c);
    }

    public CaseView note(long number, String text, String actor) {
        SupportCase c = byNumber(number);
        addMessage(c, new CaseMessage(c.getId(), MessageDirection.NOTE, null, null, actor, clock.instant(), text));
        changed(c, CaseChanged.Reason.NOTE);
        return view(c);
    }

    public CaseView change(long number, CaseState state, Long member, Long vm, boolean linkGiven) {
        return change(number, state, member, linkGiven, vm, linkGiven);
    }

    /**
     * The admin's merge patch: a new state, and each link (member, VM) set or removed (null) only when given — the
     * dashboard unlinks a VM without touching the member.
     */
    public CaseView change(long number, CaseState state, Long member, boolean memberGiven, Long vm, boolean vmGiven) {
        SupportCase c = byNumber(number);
        Instant now = clock.instant();
        if (state != null) {
            c.changeState(state, now, deadlines());
        }
        boolean linkGiven = memberGiven || vmGiven;
        if (linkGiven) {
            c.link(memberGiven ? member : c.getMemberId(), vmGiven ? vm : c.getVmId(), now);
        }
        if (state != null || linkGiven) {
            changed(c, state != null ? CaseChanged.Reason.STATE : CaseChanged.Reason.LINK);
        }
        return view(c);
    }

    public CaseView get(long number) {
        SupportCase c = byNumber(number);
        List<CaseMessage> thread = messages(c);
        // read committed: a mail committed between the two reads would show in the thread without the state it
        // set (a client polling for a message then saw a stale state); the case read again is at least as new
        em.refresh(c);
        return CaseView.of(c, thread);
    }

    /** {@code maintenance}: only the cases answering the notices of that maintenance (a 400 for a bad id). */
    public Page<CaseSummary> list(Paging paging, String state, String requester, String maintenance, String q) {
        return list(paging, state, requester, maintenance, q, null);
    }

    /**
     * {@code mail}: only the case whose thread holds that received mail (the intake's id; a 400 for a bad id) — the
     * dashboard's mail view links a mail to its case this way, the intake knowing nothing of cases.
     */
    public Page<CaseSummary> list(Paging paging, String state, String requester, String maintenance, String q,
            String mail) {
        return matching(state, requester, maintenance, q, mail)
                // read from IX_CASE_NEWEST / IX_CASE_STATE_NEWEST (migration 12.4) without sorting the table
                .orderBy("c.lastActivityAt DESC, c.number DESC")
                .page(em, paging, CaseSummary::of);
    }

    /**
     * How many cases of each state match the other filters (every state named, 0 included): what the inbox shows
     * above its list, in one query instead of one per state.
     */
    public Map<String, Long> countsByState(String requester, String maintenance, String q, String mail) {
        Map<String, Long> found = matching(null, requester, maintenance, q, mail).countsBy(em, "c.state");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CaseState s : CaseState.values()) {
            counts.put(s.label(), found.getOrDefault(s.label(), 0L));
        }
        return counts;
    }

    private ListQuery<Object[]> matching(String state, String requester, String maintenance, String q, String mail) {
        // only the listed columns: a whole SupportCase brings its two eager collections, two more queries per row
        return ListQuery.select(Object[].class, CaseSummary.COLUMNS, SupportCase.class, "c")
                .filter(ListQuery.nonBlank(state), "c.state = :state", "state", Cases::stateLabel)
                .filter(ListQuery.nonBlank(requester), "c.requester = :requester", "requester",
                        SupportCase::addressKey)
                .filter(ListQuery.nonBlank(maintenance), "c.maintenanceId = :maintenance", "maintenance",
                        raw -> Ids.parse("maintenance", raw.strip()))
                .filter(ListQuery.nonBlank(mail), "EXISTS (SELECT cm.id FROM CaseMessage cm WHERE cm.caseId = c.id "
                        + "AND cm.mailId = :mail)", "mail", raw -> Ids.parse("message", raw.strip()))
                // the requester is stored in lower case
                .search(q, "LOWER(c.subject)", "c.requester")
                // counted in the state indexes rather than row by row (the inbox counts at every load)
                .countOf("c.number");
    }

    private static String stateLabel(String raw) {
        try {
            return CaseState.fromLabel(raw.trim()).label();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state must be new, waiting-admin, waiting-requester or closed.");
        }
    }

    private CaseView view(SupportCase c) {
        return CaseView.of(c, messages(c));
    }

    private List<CaseMessage> messages(SupportCase c) {
        return em.createNamedQuery(CaseMessage.OF_CASE, CaseMessage.class).setParameter("caseId", c.getId())
                .getResultList();
    }

    SupportCase byNumber(long number) {
        return findByNumber(number).orElseThrow(() -> ProblemException.notFound("No case #" + number + "."));
    }

    private Optional<SupportCase> findByNumber(long number) {
        return CaseRows.find(em, writes, number);
    }

    void addMessage(SupportCase c, CaseMessage m) {
        CaseRows.file(em, writes, c, m);
    }

    private Duration ackWindow() {
        return settings.ackWindow();
    }

    public SupportCase.Deadlines deadlines() {
        return new SupportCase.Deadlines(settings.remindAfter(), settings.remindEvery(), settings.closeAfter());
    }

    public String adminAddress() {
        return coloc.adminEmail().orElse("");
    }
}
