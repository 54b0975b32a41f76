package org.coloc.cases.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
import org.coloc.cases.control.Languages;
import org.coloc.cases.control.NoReply;
import org.coloc.cases.control.OutgoingIds;
import org.coloc.cases.control.ReplyText;
import org.coloc.cases.control.Subjects;
import org.coloc.cases.control.Threading;
import org.coloc.cases.entity.CaseCounter;
import org.coloc.cases.entity.CaseMessage;
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
        Threading.Decision decision = Threading.thread(new Threading.MailFacts(mail.messageId(), mail.inReplyTo(),
                mail.references(), from, mail.subject(), mail.date()), lookup(), now);
        boolean fromAdmin = from.equalsIgnoreCase(adminAddress());
        String text = ReplyText.newText(mail.text());
        if (decision.caseNumber() != null) {
            SupportCase c = byNumber(decision.caseNumber());
            addMessage(c, new CaseMessage(c.getId(), fromAdmin ? DIRECTION_OUT : DIRECTION_IN, mail.messageId(),
                    taken.mail().getId(), from, now, text));
            rememberReferences(c, mail);
            if (fromAdmin) {
                // he answered from his own mail client: recorded as his reply, not sent again
                c.answered(now, deadlines());
            } else {
                c.incoming(addressesOf(mail), now, deadlines());
            }
            writes.touched(c);
            LOG.fine(() -> "Mail " + mail.messageId() + " threaded into case #" + c.getNumber() + " (" + decision.rule() + ")");
            return;
        }
        long number = nextNumber();
        String language = Languages.guess(mail.subject(), mail.text());
        SupportCase c = new SupportCase(number, mail.subject(), Subjects.normalise(mail.subject()), from,
                mail.from().name(), language, decision.foreignTag(), now, deadlines());
        c.incoming(addressesOf(mail), now, deadlines());
        // the id is assigned at persist (table generator): no flush needed before its messages
        em.persist(c);
        writes.touched(c);
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_IN, mail.messageId(), taken.mail().getId(), from, now, text));
        rememberReferences(c, mail);
        acknowledge(c, mail, from);
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
        Threading.CaseLookup lookup = lookup();
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
        Threading.CaseLookup lookup = lookup();
        Optional<Long> number = ids.stream().map(lookup::caseOfMessageId).flatMap(Optional::stream).findFirst();
        Instant now = clock.instant();
        String status = taken.classification().status();
        number.map(this::byNumber).ifPresent(c -> {
            c.failing(failed, status, now);
            writes.touched(c);
            addMessage(c, new CaseMessage(c.getId(), DIRECTION_IN, mail.messageId(), taken.mail().getId(), failed, now,
                    "Delivery to " + failed + " failed" + (status == null ? "" : " (" + status + ")") + "."));
        });
        if (number.isPresent()) {
            members.mailFailed(failed, status, "coloc (bounce of case #" + number.get() + ")");
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
        ids.removeIf(id -> writes.caseOfMessageId(id).filter(n -> n == c.getNumber()).isPresent());
        ids.stream().filter(id -> id.length() <= 998).forEach(id -> {
            em.persist(new CaseReference(c.getId(), id));
            writes.referenced(id, c.getNumber());
        });
    }

    private void acknowledge(SupportCase c, ParsedMail mail, String from) {
        if (from.equalsIgnoreCase(config.colocAddress()) || NoReply.matches(from)) {
            return;
        }
        int limit = config.integer("coloc.cases.ack-limit");
        if (outbox.recentlySent("acknowledgement", from, ackWindow()) >= limit) {
            LOG.info(() -> "No acknowledgement for case #" + c.getNumber() + ": " + limit + " already sent to " + from);
            return;
        }
        Template.Rendered ack = Template.load("case-acknowledgement", c.getLanguage()).render(Map.of(
                "number", Long.toString(c.getNumber()),
                "subject", Subjects.tagged(c.getNumber(), "Re: " + (mail.subject() == null ? "" : mail.subject()))));
        List<String> references = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
        if (mail.messageId() != null) {
            references.add(mail.messageId());
        }
        String id = outbox.enqueue("acknowledgement", c.getNumber(), new OutgoingMail(
                outgoingIds.create(c.getNumber()), List.of(from), ack.subject(), ack.text(), mail.messageId(),
                references, "auto-replied"));
        addMessage(c, new CaseMessage(c.getId(), DIRECTION_OUT, id, null, config.colocAddress(), clock.instant(),
                ack.text()));
    }

    /** The admin's answer: a mail to the requester and participants, in the thread, tagged. */
    public CaseView reply(long number, String text, String actor) {
        SupportCase c = byNumber(number);
        List<CaseMessage> thread = messages(c);
        List<String> references = new ArrayList<>();
        String inReplyTo = null;
        for (CaseMessage m : thread) {
            if (m.getMessageId() != null && !DIRECTION_NOTE.equals(m.getDirection())) {
                references.add(m.getMessageId());
                if (DIRECTION_IN.equals(m.getDirection())) {
                    inReplyTo = m.getMessageId();
                }
            }
        }
        List<String> to = new ArrayList<>(new LinkedHashSet<>(c.getParticipants()));
        to.removeIf(a -> a.equalsIgnoreCase(config.colocAddress()) || a.equalsIgnoreCase(adminAddress()));
        to.remove(c.getRequester());
        to.add(0, c.getRequester());
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
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null && !state.isBlank()) {
            try {
                params.put("state", CaseState.fromLabel(state.trim()).label());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("state must be new, waiting-admin, waiting-requester or closed.");
            }
            where.append(" AND c.state = :state");
        }
        if (requester != null && !requester.isBlank()) {
            params.put("requester", requester.trim().toLowerCase(Locale.ROOT));
            where.append(" AND c.requester = :requester");
        }
        if (q != null && !q.isBlank()) {
            params.put("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
            where.append(" AND (LOWER(c.subject) LIKE :q OR c.requester LIKE :q)");
        }
        TypedQuery<SupportCase> query = em.createQuery("SELECT c FROM SupportCase c" + where
                + " ORDER BY c.lastActivityAt DESC, c.number DESC", SupportCase.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM SupportCase c" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<CaseSummary> items = query.setFirstResult(paging.offset()).setMaxResults(paging.limit())
                .getResultList().stream().map(CaseSummary::of).toList();
        return new Page<>(items, count.getSingleResult(), paging.offset(), paging.limit());
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
        ids.removeIf(id -> id.length() > 998);
        List<String> all = List.copyOf(ids);
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

    private static Set<String> addressesOf(ParsedMail mail) {
        Set<String> all = new LinkedHashSet<>();
        all.add(mail.from().address().toLowerCase(Locale.ROOT));
        if (mail.cc() != null) {
            mail.cc().forEach(a -> all.add(a.address().toLowerCase(Locale.ROOT)));
        }
        return all;
    }

    private Threading.CaseLookup lookup() {
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
                Optional<Long> written = writes.caseOfMessageId(messageId);
                if (written.isPresent() || writes.wasLookedUp(messageId)) {
                    return written;
                }
                Optional<Long> number = em.createNamedQuery(CaseMessage.CASE_OF_MESSAGE_ID, Long.class)
                        .setParameter("messageId", messageId).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                        .getResultList().stream().findFirst();
                if (number.isEmpty()) {
                    number = em.createNamedQuery(CaseReference.CASE_OF, Long.class).setParameter("messageId", messageId)
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
                // the admin takes part in every case: his tagged mail from his own client is his reply
                if (address != null && !adminAddress().isBlank() && address.equalsIgnoreCase(adminAddress())) {
                    return exists(caseNumber);
                }
                return findByNumber(caseNumber).filter(c -> c.takesPart(address)).isPresent();
            }

            @Override
            public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
                // a case touched by this transaction was active just now: it wins over what the database says
                Optional<SupportCase> written = writes.activeCase(address, normalisedSubject, since);
                if (written.isPresent()) {
                    return written.map(SupportCase::getNumber);
                }
                return em.createQuery("SELECT c.number FROM SupportCase c WHERE c.requester = :a "
                        + "AND c.normalisedSubject = :s AND c.lastActivityAt >= :since ORDER BY c.lastActivityAt DESC",
                        Long.class).setParameter("a", address).setParameter("s", normalisedSubject)
                        .setParameter("since", since).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                        .getResultList().stream().findFirst();
            }
        };
    }
}
