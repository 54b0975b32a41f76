package org.coloc.cases.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.coloc.cases.control.AdminProof;
import org.coloc.cases.control.DeliveryStatus;
import org.coloc.cases.control.Languages;
import org.coloc.cases.control.NoReply;
import org.coloc.cases.control.OutgoingIds;
import org.coloc.cases.control.Participants;
import org.coloc.cases.control.ReplyText;
import org.coloc.cases.control.Subjects;
import org.coloc.cases.control.Threading;
import org.coloc.cases.entity.CaseCounter;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.CaseParticipant;
import org.coloc.cases.entity.CaseReference;
import org.coloc.cases.entity.CaseState;
import org.coloc.cases.entity.SupportCase;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.control.MailTaken;
import org.coloc.intake.control.ParsedMail;
import org.coloc.inventory.boundary.Members;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.control.Template;
import org.coloc.platform.AppSecrets;
import org.coloc.platform.ColocConfig;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;

/**
 * Cases: threading of incoming mail, acknowledgements, and the admin's work on a case. Every mail a change
 * causes is written to the outbox in the same transaction.
 */
@Stateless
public class Cases {

    private static final Logger LOG = Logger.getLogger(Cases.class.getName());
    static final String DIRECTION_IN = "incoming";
    static final String DIRECTION_OUT = "outgoing";
    static final String DIRECTION_NOTE = "note";
    /** Ids per IN list: long lists make Derby's statements slow to compile. */
    private static final int LOOKUP_CHUNK = 200;
    /**
     * Longer Message-IDs are not repeated in the headers of our mails (a header line holds 998 characters);
     * an id stored as a hash ({@link CaseMessage#idKey}) is never repeated either.
     */
    static final int MAX_ID_IN_HEADER = 900;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ColocConfig config;

    @EJB
    Outbox outbox;

    @EJB
    AppSecrets secrets;

    @Inject
    CaseWrites writes;

    @EJB
    Members members;

    private OutgoingIds outgoingIds;

    @PostConstruct
    void init() {
        String address = config.colocAddress();
        outgoingIds = new OutgoingIds(secrets.get("outgoing-message-ids"), address.substring(address.indexOf('@') + 1));
    }

    /** An ingested mail: human mail goes into a case (new or existing); nothing else is answered. */
    public void take(MailTaken taken) {
        if (taken.classification() != null && taken.classification().kind() == MailKind.BOUNCE
                && taken.parsed() != null) {
            bounced(taken);
            return;
        }
        if (taken.classification() != null && taken.classification().kind() == MailKind.AUTO_REPLY
                && taken.parsed() != null) {
            attachAutoReply(taken);
            return;
        }
        if (taken.classification() == null || taken.classification().kind() != MailKind.HUMAN
                || taken.parsed() == null || taken.parsed().from() == null) {
            return;
        }
        ParsedMail mail = taken.parsed();
        String from = mail.from().address().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        // a From: naming the admin is only his if the mail proves it: a forger would otherwise silence a case
        boolean fromAdmin = AdminProof.proven(from, adminAddress(), mail.inReplyTo(), outgoingIds,
                headerValues(mail, "Authentication-Results"), config.optional("coloc.mail.authserv-id").orElse(null));
        if (!fromAdmin && !adminAddress().isBlank() && from.equalsIgnoreCase(adminAddress())) {
            LOG.warning(() -> "Mail " + mail.messageId() + " claims to be from the admin without proof: "
                    + "taken as anybody's mail");
        }
        Threading.Decision decision = Threading.thread(new Threading.MailFacts(mail.messageId(), mail.inReplyTo(),
                mail.references(), from, mail.subject(), mail.date()), lookup(fromAdmin), now);
        String text = ReplyText.newText(mail.text());
        if (decision.caseNumber() != null) {
            SupportCase c = byNumber(decision.caseNumber());
            addMessage(c, new CaseMessage(c.getId(), fromAdmin ? DIRECTION_OUT : DIRECTION_IN, mail.messageId(),
                    taken.mail().getId(), from, now, text));
            rememberReferences(c, mail);
            admit(c, mail, from, fromAdmin, now);
            if (fromAdmin) {
                // he answered from his own mail client: recorded as his reply, not sent again
                c.answered(now, deadlines());
            } else {
                c.incoming(now, deadlines());
            }
            writes.touched(c);
            LOG.fine(() -> "Mail " + mail.messageId() + " threaded into case #" + c.getNumber() + " (" + decision.rule() + ")");
            return;
        }
        long number = nextNumber();
        String language = Languages.guess(mail.subject(), mail.text());
        SupportCase c = new SupportCase(number, mail.subject(), Subjects.normalise(mail.subject()), from,
                mail.from().name(), language, decision.foreignTag(), now, deadlines());
        c.incoming(now, deadlines());
        // the id is assigned at persist (table generator): no flush needed before its messages
        em.persist(c);
        writes.touched(c);
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_IN, mail.messageId(), taken.mail().getId(), from, now, text));
        rememberReferences(c, mail);
        admit(c, mail, from, fromAdmin, now);
        acknowledge(c, mail, from);
    }

    /**
     * The mail's Cc join the case if its sender may bring people in (the requester, the admin); what was left
     * out is noted in the thread, so the admin can add someone himself.
     */
    private void admit(SupportCase c, ParsedMail mail, String from, boolean fromAdmin, Instant now) {
        List<String> copied = mail.cc() == null ? List.of() : mail.cc().stream().map(a -> a.address()).toList();
        // the sender as the requester is stored: an over-long address is known by its key
        Participants.Admission admission = Participants.fromMail(c.getParticipants(), c.getRequester(),
                SupportCase.addressKey(from), fromAdmin, copied, never(), maxParticipants(), now);
        admission.joined().forEach(p -> c.join(new CaseParticipant(p.address(), p.addedBy(), p.addedAt()), now));
        if (!admission.overLimit().isEmpty() || !admission.unusable().isEmpty()) {
            StringBuilder note = new StringBuilder();
            if (!admission.overLimit().isEmpty()) {
                note.append(admission.overLimit().size()).append(" address(es) in Cc not added: the case has reached "
                        + "its limit of ").append(maxParticipants()).append(" participants (")
                        .append(sample(admission.overLimit())).append(").");
            }
            if (!admission.unusable().isEmpty()) {
                note.append(note.isEmpty() ? "" : " ").append(admission.unusable().size())
                        .append(" address(es) in Cc not added: not addresses we can mail (")
                        .append(sample(admission.unusable())).append(").");
            }
            addMessage(c, new CaseMessage(c.getId(), DIRECTION_NOTE, null, null, "coloc", now, note.toString()));
            LOG.info(() -> "Case #" + c.getNumber() + ": " + note);
        }
        if (!admission.notAllowed().isEmpty()) {
            LOG.info(() -> "Case #" + c.getNumber() + ": mail " + mail.messageId() + " from " + from
                    + ", neither the requester nor the admin, joins the thread without adding "
                    + admission.notAllowed().size() + " address(es)");
        }
    }

    private static String sample(List<String> addresses) {
        String shown = String.join(", ", addresses.stream().limit(5).map(a -> org.coloc.platform.Bounded.text(a, 80))
                .toList());
        return addresses.size() > 5 ? shown + ", …" : shown;
    }

    /** Addresses that never take part: ours and the admin's. */
    private Set<String> never() {
        Set<String> never = new HashSet<>();
        never.add(config.colocAddress().toLowerCase(Locale.ROOT));
        if (!adminAddress().isBlank()) {
            never.add(adminAddress().toLowerCase(Locale.ROOT));
        }
        return never;
    }

    private int maxParticipants() {
        return config.integer("coloc.cases.max-participants");
    }

    private static List<String> headerValues(ParsedMail mail, String name) {
        if (mail.headers() == null) {
            return List.of();
        }
        return mail.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(h -> h.value()).toList();
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
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_NOTE, null, null, actor, now, a + " added as a participant."));
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
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_NOTE, null, null, actor, now, a + " removed from the participants."));
        return view(c);
    }

    /**
     * An auto-reply (out of office…) naming a mail of a case joins that case's thread, so the admin knows why
     * nobody answers; it changes neither the state nor the deadlines, and is never answered.
     */
    private void attachAutoReply(MailTaken taken) {
        ParsedMail mail = taken.parsed();
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        if (mail.references() != null) {
            ids.addAll(mail.references());
        }
        Threading.CaseLookup lookup = lookup(false);
        ids.stream().map(lookup::caseOfMessageId).flatMap(Optional::stream).findFirst().map(this::byNumber)
                .ifPresent(c -> addMessage(c, new CaseMessage(c.getId(), DIRECTION_IN, mail.messageId(),
                        taken.mail().getId(), mail.from() == null ? null : mail.from().address(), clock.instant(),
                        ReplyText.newText(mail.text()))));
    }

    /**
     * A bounce: if it is about one of our mails of a case (named in its headers, or in the returned original),
     * the failing address is marked on the case and on the member who has it, and the bounce joins the thread.
     */
    private void bounced(MailTaken taken) {
        ParsedMail mail = taken.parsed();
        String failed = taken.classification().failedRecipient();
        if (failed == null) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        if (mail.references() != null) {
            ids.addAll(mail.references());
        }
        // the returned original (or its headers) carries our Message-ID
        for (var a : mail.attachments()) {
            String text = new String(a.content(), java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = OUR_ID.matcher(text);
            while (m.find() && ids.size() < 100) {
                ids.add(m.group(1));
            }
        }
        String address = failed.strip().toLowerCase(Locale.ROOT);
        Threading.CaseLookup lookup = lookup(false);
        // only a mail of ours that went to this very address: anybody can write a bounce naming our
        // acknowledgement (its id is in his mailbox) and an address of his choice
        Optional<Long> number = Optional.empty();
        for (String id : ids) {
            Optional<Long> n = lookup.caseOfMessageId(id);
            if (n.isPresent() && outbox.recipientsOf(id).contains(address)) {
                number = n;
                break;
            }
        }
        if (number.isEmpty()) {
            LOG.info(() -> "Bounce " + mail.messageId() + " for " + address + " names no mail of ours to that address: ignored");
            return;
        }
        Instant now = clock.instant();
        String status = taken.classification().status();
        SupportCase c = byNumber(number.get());
        boolean delay = DeliveryStatus.isDelay(status);
        if (!delay) {
            c.failing(address, status, now);
            writes.touched(c);
        }
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_IN, mail.messageId(), taken.mail().getId(), address, now,
                "Delivery to " + address + (delay ? " delayed" : " failed") + (status == null ? "" : " (" + status + ")")
                        + "."));
        if (!delay) {
            members.mailFailed(address, status, "coloc (bounce of case #" + c.getNumber() + ")");
        }
    }

    private static final java.util.regex.Pattern OUR_ID = java.util.regex.Pattern.compile("<(case-[0-9]+\\.[a-z2-7]+\\.[a-z2-7]+@[^>\\s]+)>");

    /** The ids this mail names, so that a reply naming only one of them still finds the case. */
    private void rememberReferences(SupportCase c, ParsedMail mail) {
        Set<String> ids = new LinkedHashSet<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        if (mail.references() != null) {
            List<String> refs = mail.references();
            ids.addAll(refs.subList(Math.max(0, refs.size() - Threading.MAX_REFERENCES), refs.size()));
        }
        ids.remove(mail.messageId());
        // a reply names again what its parent named: store only what this case did not know yet (a deep
        // thread otherwise adds up to 50 rows per mail)
        ids.removeIf(id -> writes.caseOfMessageId(CaseMessage.idKey(id)).filter(n -> n == c.getNumber()).isPresent());
        ids.forEach(id -> {
            CaseReference reference = new CaseReference(c.getId(), id);
            em.persist(reference);
            writes.referenced(CaseMessage.idKey(id), c.getNumber());
        });
    }

    private void acknowledge(SupportCase c, ParsedMail mail, String from) {
        if (from.equalsIgnoreCase(config.colocAddress()) || NoReply.matches(from)
                || (!adminAddress().isBlank() && from.equalsIgnoreCase(adminAddress()))) {
            return;
        }
        int limit = config.integer("coloc.cases.ack-limit");
        if (outbox.recentlySent("acknowledgement", from, ackWindow()) >= limit) {
            LOG.info(() -> "No acknowledgement for case #" + c.getNumber() + ": " + limit + " already sent to " + from);
            return;
        }
        // per address is not enough: plus-addressing (x+1@, x+2@…) makes as many addresses as a forger likes
        int perHour = config.integer("coloc.cases.ack-limit-per-hour");
        Set<String> lastHour = acknowledgedWithinTheHour();
        if (!lastHour.contains(c.getRequester()) && lastHour.size() >= perHour) {
            LOG.warning(() -> "No acknowledgement for case #" + c.getNumber() + ": " + perHour
                    + " addresses were acknowledged within the hour (coloc.cases.ack-limit-per-hour)");
            return;
        }
        Template.Rendered ack = Template.load("case-acknowledgement", c.getLanguage()).render(Map.of(
                "number", Long.toString(c.getNumber()),
                "subject", Subjects.tagged(c.getNumber(), "Re: " + (mail.subject() == null ? "" : mail.subject()))));
        List<String> references = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
        if (mail.messageId() != null) {
            references.add(mail.messageId());
        }
        references.removeIf(r -> r == null || r.length() > MAX_ID_IN_HEADER);
        String inReplyTo = mail.messageId() != null && mail.messageId().length() <= MAX_ID_IN_HEADER
                ? mail.messageId() : null;
        String id = outbox.enqueue("acknowledgement", c.getNumber(), new OutgoingMail(
                outgoingIds.create(c.getNumber()), List.of(from), ack.subject(), ack.text(), inReplyTo,
                references, "auto-replied"));
        Instant now = clock.instant();
        c.acknowledged(now);
        writes.acknowledged(c.getRequester());
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_OUT, id, null, config.colocAddress(), now, ack.text()));
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
            if (m.getMessageId() != null && !DIRECTION_NOTE.equals(m.getDirection())
                    && m.getMessageId().length() <= MAX_ID_IN_HEADER) {
                references.add(m.getMessageId());
                if (DIRECTION_IN.equals(m.getDirection())) {
                    inReplyTo = m.getMessageId();
                }
            }
        }
        List<String> to = new ArrayList<>(new LinkedHashSet<>(c.getParticipants()));
        to.removeIf(a -> a.equalsIgnoreCase(config.colocAddress()) || a.equalsIgnoreCase(adminAddress())
                || !Participants.usable(a));
        to.remove(c.getRequester());
        if (Participants.usable(c.getRequester())) {
            to.add(0, c.getRequester());
        }
        if (to.isEmpty()) {
            // e.g. a requester whose address is longer than any mail path: stored as a key, not mailable
            throw ProblemException.conflict("Case #" + number + " has no address a reply could be sent to.");
        }
        String subject = Subjects.tagged(c.getNumber(), "Re: " + (c.getSubject() == null ? "" : c.getSubject()));
        String id = outbox.enqueue("reply", c.getNumber(), new OutgoingMail(outgoingIds.create(c.getNumber()), to,
                subject, text, inReplyTo, references, null));
        Instant now = clock.instant();
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_OUT, id, null, actor, now, text));
        c.answered(now, deadlines());
        writes.touched(c);
        return view(c);
    }

    public CaseView note(long number, String text, String actor) {
        SupportCase c = byNumber(number);
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_NOTE, null, null, actor, clock.instant(), text));
        return view(c);
    }

    public CaseView change(long number, CaseState state, Long member, Long vm, boolean linkGiven) {
        SupportCase c = byNumber(number);
        Instant now = clock.instant();
        if (state != null) {
            c.changeState(state, now, deadlines());
        }
        if (linkGiven) {
            c.link(member, vm, now);
        }
        return view(c);
    }

    public CaseView get(long number) {
        return view(byNumber(number));
    }

    public Page<CaseSummary> list(Paging paging, String state, String requester, String q) {
        return ListQuery.of(SupportCase.class, "c")
                .filter(ListQuery.nonBlank(state), "c.state = :state", "state", Cases::stateLabel)
                .filter(ListQuery.nonBlank(requester), "c.requester = :requester", "requester",
                        SupportCase::addressKey)
                // the requester is stored in lower case
                .search(q, "LOWER(c.subject)", "c.requester")
                .orderBy("c.lastActivityAt DESC, c.number DESC")
                .page(em, paging, CaseSummary::of);
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
        Optional<SupportCase> written = writes.byNumber(number);
        if (written.isPresent()) {
            return written;
        }
        return em.createNamedQuery(SupportCase.BY_NUMBER, SupportCase.class).setParameter("number", number)
                .setFlushMode(FlushModeType.COMMIT).getResultList().stream().findFirst();
    }

    /** Every message of a case is added here, so that threading finds it before it is flushed. */
    void addMessage(SupportCase c, CaseMessage m) {
        em.persist(m);
        writes.filed(m.getMessageId(), c.getNumber());
    }

    /**
     * The counter row is locked until this transaction ends: another instance opening cases waits for it
     * (intake batches are short), and numbers given by a transaction that rolls back are given again.
     */
    private long nextNumber() {
        CaseCounter counter = writes.counter();
        if (counter == null) {
            counter = em.find(CaseCounter.class, CaseCounter.ID, LockModeType.PESSIMISTIC_WRITE);
            if (counter == null) {
                // first case ever, or a database from before the counter: start after the highest stored
                Long max = em.createNamedQuery(SupportCase.MAX_NUMBER, Long.class).setFlushMode(FlushModeType.COMMIT)
                        .getSingleResult();
                counter = new CaseCounter(max == null ? 0 : max);
                // two instances creating it at once: one insert fails and its batch is retried mail by mail
                em.persist(counter);
            }
            writes.counter(counter);
        }
        return counter.next();
    }

    /**
     * Asks the database at once which cases know the Message-IDs a batch of mail will look up, instead of a
     * query or two per id and mail (most ids of a new batch are unknown, and each miss cost two queries).
     */
    public void lookUpAhead(List<ParsedMail> mails) {
        Set<String> ids = new LinkedHashSet<>();
        Set<Long> numbers = new HashSet<>();
        Set<String> senders = new HashSet<>();
        for (ParsedMail mail : mails) {
            ids.addAll(Threading.idsToLookUp(new Threading.MailFacts(mail.messageId(), mail.inReplyTo(),
                    mail.references(), null, null, null)));
            Long tag = Subjects.caseTag(mail.subject());
            if (tag != null) {
                numbers.add(tag);
            }
            if (mail.from() != null) {
                senders.add(mail.from().address().toLowerCase(Locale.ROOT));
            }
        }
        List<String> all = ids.stream().map(CaseMessage::idKey).distinct().toList();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            Map<String, Long> byMessage = new HashMap<>();
            for (Object[] row : em.createNamedQuery(CaseMessage.CASES_OF_MESSAGE_IDS, Object[].class)
                    .setParameter("ids", chunk).setFlushMode(FlushModeType.COMMIT).getResultList()) {
                byMessage.putIfAbsent((String) row[0], (Long) row[1]);
            }
            // newest first: the first row of an id is the case that referred to it last
            Map<String, Long> byReference = new HashMap<>();
            for (Object[] row : em.createNamedQuery(CaseReference.CASES_OF, Object[].class)
                    .setParameter("ids", chunk).setFlushMode(FlushModeType.COMMIT).getResultList()) {
                byReference.putIfAbsent((String) row[0], (Long) row[1]);
            }
            writes.lookedUp(chunk, byMessage, byReference);
            numbers.addAll(byMessage.values());
            numbers.addAll(byReference.values());
        }
        // the cases those mails will go to, read in one query rather than one per mail
        List<Long> wanted = List.copyOf(numbers);
        for (int from = 0; from < wanted.size(); from += LOOKUP_CHUNK) {
            em.createNamedQuery(SupportCase.BY_NUMBERS, SupportCase.class)
                    .setParameter("numbers", wanted.subList(from, Math.min(wanted.size(), from + LOOKUP_CHUNK)))
                    .setFlushMode(FlushModeType.COMMIT).getResultList().forEach(writes::loaded);
        }
        outbox.lookUpAhead("acknowledgement", senders, ackWindow());
    }

    private Duration ackWindow() {
        return Duration.ofHours(config.integer("coloc.cases.ack-window-hours"));
    }

    /** A Message-ID for a new mail of this case (carries the case and a keyed hash). */
    public String newMessageId(long caseNumber) {
        return outgoingIds.create(caseNumber);
    }

    public SupportCase.Deadlines deadlines() {
        return new SupportCase.Deadlines(Duration.ofDays(config.integer("coloc.cases.remind-after-days")),
                Duration.ofDays(config.integer("coloc.cases.remind-every-days")),
                Duration.ofDays(config.integer("coloc.cases.close-after-days")));
    }

    public String adminAddress() {
        return config.optional("coloc.admin.email").orElse("");
    }

    /** The database as threading sees it; {@code adminProven}: the mail is proven to be the admin's. */
    private Threading.CaseLookup lookup(boolean adminProven) {
        return new Threading.CaseLookup() {
            @Override
            public Optional<Long> caseOfMessageId(String messageId) {
                if (messageId == null) {
                    return Optional.empty();
                }
                Long ours = outgoingIds.caseOf(messageId);
                if (ours != null && exists(ours)) {
                    return Optional.of(ours);
                }
                String key = CaseMessage.idKey(messageId);
                Optional<Long> written = writes.caseOfMessageId(key);
                if (written.isPresent() || writes.wasLookedUp(key)) {
                    return written;
                }
                Optional<Long> number = em.createNamedQuery(CaseMessage.CASE_OF_MESSAGE_ID, Long.class)
                        .setParameter("messageId", key).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                        .getResultList().stream().findFirst();
                if (number.isEmpty()) {
                    number = em.createNamedQuery(CaseReference.CASE_OF, Long.class).setParameter("messageId", key)
                            .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultList().stream().findFirst();
                }
                return number;
            }

            @Override
            public boolean exists(long caseNumber) {
                return findByNumber(caseNumber).isPresent();
            }

            @Override
            public boolean takesPart(long caseNumber, String address) {
                // the admin takes part in every case: his tagged mail from his own client is his reply, once
                // proven (a forged From: of his is anybody's mail)
                if (address != null && !adminAddress().isBlank() && address.equalsIgnoreCase(adminAddress())) {
                    return adminProven && exists(caseNumber);
                }
                return findByNumber(caseNumber).filter(c -> c.takesPart(address)).isPresent();
            }

            @Override
            public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
                // a case touched by this transaction was active just now: it wins over what the database says
                String requester = SupportCase.addressKey(address);
                String subject = SupportCase.subjectKey(normalisedSubject);
                Optional<SupportCase> written = writes.activeCase(requester, subject, since);
                if (written.isPresent()) {
                    return written.map(SupportCase::getNumber);
                }
                return em.createQuery("SELECT c.number FROM SupportCase c WHERE c.requester = :a "
                        + "AND c.normalisedSubject = :s AND c.lastActivityAt >= :since ORDER BY c.lastActivityAt DESC",
                        Long.class).setParameter("a", requester).setParameter("s", subject)
                        .setParameter("since", since).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                        .getResultList().stream().findFirst();
            }
        };
    }
}
