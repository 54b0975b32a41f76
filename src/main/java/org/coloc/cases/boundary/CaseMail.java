package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.coloc.cases.control.CaseSettings;
import org.coloc.cases.control.Languages;
import org.coloc.cases.control.Participants;
import org.coloc.cases.control.Subjects;
import org.coloc.cases.control.Threading;
import org.coloc.cases.entity.CaseCounter;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.CaseParticipant;
import org.coloc.cases.entity.CaseReference;
import org.coloc.cases.entity.MessageDirection;
import org.coloc.cases.entity.SupportCase;
import org.coloc.intake.control.MailTaken;
import org.coloc.intake.control.ParsedMail;
import org.coloc.intake.control.ReplyText;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.outbox.entity.OutboxKind;

/**
 * Incoming mail into cases: the operations the mail router's decisions call ({@code routing.boundary.MailRouting})
 * and the questions it asks (those of {@link Threading.CaseLookup}: not implemented as such, an EJB implementing an
 * interface would lose its no-interface view). Always inside the intake's transaction; it decides
 * nothing itself: which case, and as whose mail, the router has decided. The admin's work stays in {@link Cases}.
 */
@Stateless
public class CaseMail extends CaseBean {

    private static final Logger LOG = Logger.getLogger(CaseMail.class.getName());
    /** Ids per IN list: long lists make Derby's statements slow to compile. */
    private static final int LOOKUP_CHUNK = 200;

    @Inject
    CaseSettings settings;

    @EJB
    Cases cases;

    @Inject
    CaseWrites writes;

    /** Recognises our own Message-IDs (the outbox makes them). */
    @Inject
    OutgoingIds outgoingIds;

    /** A new case opened by this mail, acknowledged (within the limits) unless the admin wrote it. */
    public void open(MailTaken taken, boolean foreignTag, boolean fromAdmin) {
        open(taken, foreignTag, fromAdmin, nextNumber(), null);
    }

    /**
     * A member's answer to a notice of this maintenance: the one case of the maintenance and the member, opened
     * now (requester the sender, linked to both, acknowledged within the limits as any new case, so the member
     * knows the admin has it and under which number) or, if one was opened meanwhile, added to.
     *
     * @return the case's number
     */
    public long openForNotice(MailTaken taken, long maintenanceId, long memberId) {
        // the counter's lock orders every case opening; under it the database is asked once more, so two instances
        // taking two answers of one member at once open one case, not two
        CaseCounter counter = lockedCounter();
        Optional<Long> opened = caseOfNotice(maintenanceId, memberId);
        if (opened.isPresent()) {
            add(taken, opened.get(), false);
            return opened.get();
        }
        long number = counter.next();
        open(taken, false, false, number, new NewMail.NoticeThread(maintenanceId, memberId));
        writes.noticeCase(maintenanceId, memberId, number);
        return number;
    }

    /** The case of the answers to the notices of this maintenance to this member, if one was opened. */
    public Optional<Long> caseOfNotice(long maintenanceId, long memberId) {
        Optional<Long> written = writes.noticeCase(maintenanceId, memberId);
        if (written.isPresent()) {
            return written;
        }
        return em.createNamedQuery(SupportCase.OF_NOTICE, Long.class).setParameter("maintenance", maintenanceId)
                .setParameter("member", memberId).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** {@code notice}: null, or the maintenance and member whose notices this mail answers. */
    private void open(MailTaken taken, boolean foreignTag, boolean fromAdmin, long number, NewMail.NoticeThread notice) {
        ParsedMail mail = taken.parsed();
        String from = sender(mail);
        Instant now = clock.instant();
        SupportCase.Deadlines deadlines = cases.deadlines();
        String language = Languages.guess(mail.subject(), mail.text());
        SupportCase c = new SupportCase(number, mail.subject(), Subjects.normalise(mail.subject()), from,
                mail.from().name(), language, foreignTag, now, deadlines);
        if (notice != null) {
            c.answersNotice(notice.maintenanceId(), notice.memberId(), now);
        }
        c.incoming(now, deadlines);
        // the id is assigned at persist (table generator): no flush needed before its messages
        em.persist(c);
        writes.touched(c);
        file(c, new CaseMessage(c.getId(), MessageDirection.INCOMING, mail.messageId(), taken.mail().getId(), from,
                now, ReplyText.newText(mail.text())));
        rememberReferences(c, mail);
        admit(c, mail, from, fromAdmin, now);
        cases.acknowledge(c, mail, from);
        changed(c, CaseChanged.Reason.OPENED);
    }

    /**
     * The mail joins case N: as incoming mail (the case waits for the admin), or as the admin's reply from his
     * own mail client (recorded as his reply, not sent again; the case waits for the requester).
     */
    public void add(MailTaken taken, long caseNumber, boolean fromAdmin) {
        ParsedMail mail = taken.parsed();
        String from = sender(mail);
        Instant now = clock.instant();
        SupportCase c = byNumber(caseNumber);
        file(c, new CaseMessage(c.getId(), fromAdmin ? MessageDirection.OUTGOING : MessageDirection.INCOMING,
                mail.messageId(), taken.mail().getId(), from, now, ReplyText.newText(mail.text())));
        rememberReferences(c, mail);
        admit(c, mail, from, fromAdmin, now);
        if (fromAdmin) {
            c.answered(now, cases.deadlines());
        } else {
            c.incoming(now, cases.deadlines());
        }
        writes.touched(c);
        changed(c, fromAdmin ? CaseChanged.Reason.REPLY : CaseChanged.Reason.MESSAGE);
    }

    /**
     * An auto-reply (out of office…) joins case N's thread, so the admin knows why nobody answers; it changes
     * neither the state nor the deadlines, and is never answered.
     */
    public void attachAutoReply(MailTaken taken, long caseNumber) {
        ParsedMail mail = taken.parsed();
        SupportCase c = byNumber(caseNumber);
        file(c, new CaseMessage(c.getId(), MessageDirection.INCOMING, mail.messageId(), taken.mail().getId(),
                mail.from() == null ? null : mail.from().address(), clock.instant(), ReplyText.newText(mail.text())));
        changed(c, CaseChanged.Reason.AUTO_REPLY);
    }

    /**
     * A delivery report about our mail of case N to {@code address}: the bounce joins the thread, and a failure
     * (not a delay) marks the address failing on the case. Members are told by the caller's event.
     */
    public void bounced(MailTaken taken, long caseNumber, String address, String status, boolean delay) {
        Instant now = clock.instant();
        SupportCase c = byNumber(caseNumber);
        if (!delay) {
            c.failing(address, status, now);
            writes.touched(c);
        }
        file(c, new CaseMessage(c.getId(), MessageDirection.INCOMING, taken.parsed().messageId(),
                taken.mail().getId(), address, now, "Delivery to " + address + (delay ? " delayed" : " failed")
                        + (status == null ? "" : " (" + status + ")") + "."));
        changed(c, CaseChanged.Reason.BOUNCE);
    }

    private static String sender(ParsedMail mail) {
        return mail.from().address().toLowerCase(Locale.ROOT);
    }

    /**
     * The mail's Cc join the case if its sender may bring people in (the requester, the admin); what was left
     * out is noted in the thread, so the admin can add someone himself.
     */
    private void admit(SupportCase c, ParsedMail mail, String from, boolean fromAdmin, Instant now) {
        List<String> copied = mail.cc() == null ? List.of() : mail.cc().stream().map(a -> a.address()).toList();
        int max = settings.maxParticipants();
        // the sender as the requester is stored: an over-long address is known by its key
        Participants.Admission admission = Participants.fromMail(c.getParticipants(), c.getRequester(),
                SupportCase.addressKey(from), fromAdmin, copied,
                Participants.never(coloc.address(), cases.adminAddress()), max, now);
        admission.joined().forEach(p -> c.join(new CaseParticipant(p.address(), p.addedBy(), p.addedAt()), now));
        if (!admission.overLimit().isEmpty() || !admission.unusable().isEmpty()) {
            StringBuilder note = new StringBuilder();
            if (!admission.overLimit().isEmpty()) {
                note.append(admission.overLimit().size()).append(" address(es) in Cc not added: the case has reached "
                        + "its limit of ").append(max).append(" participants (")
                        .append(sample(admission.overLimit())).append(").");
            }
            if (!admission.unusable().isEmpty()) {
                note.append(note.isEmpty() ? "" : " ").append(admission.unusable().size())
                        .append(" address(es) in Cc not added: not addresses we can mail (")
                        .append(sample(admission.unusable())).append(").");
            }
            file(c, new CaseMessage(c.getId(), MessageDirection.NOTE, null, null, "coloc", now, note.toString()));
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

    /**
     * The ids this mail names, so that a reply naming only one of them still finds the case. Ids that are not
     * {@code left@right} are not kept: threading never looks them up ({@link Threading#id}).
     */
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
        ids.removeIf(id -> Threading.id(id) == null);
        // a reply names again what its parent named: store only what this case did not know yet (a deep
        // thread otherwise adds up to 50 rows per mail)
        ids.removeIf(id -> writes.caseOfMessageId(CaseMessage.idKey(id)).filter(n -> n == c.getNumber()).isPresent());
        ids.forEach(id -> {
            CaseReference reference = new CaseReference(c.getId(), id);
            em.persist(reference);
            writes.referenced(CaseMessage.idKey(id), c.getNumber());
        });
    }

    /**
     * The counter row is locked until this transaction ends: another instance opening cases waits for it
     * (intake batches are short), and numbers given by a transaction that rolls back are given again.
     */
    private long nextNumber() {
        return lockedCounter().next();
    }

    /** The counter row, locked by this transaction (see {@link #nextNumber}). */
    private CaseCounter lockedCounter() {
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
        return counter;
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
        outbox.lookUpAhead(OutboxKind.ACKNOWLEDGEMENT, senders, ackWindow());
    }

    private Duration ackWindow() {
        return settings.ackWindow();
    }

    /** Whether this is one of our Message-IDs (its keyed hash checks out). */
    public boolean isOurs(String messageId) {
        return outgoingIds.caseOf(messageId) != null;
    }

    /** The case holding a message or a reference with this id; our own ids by their case number. */
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

    public boolean exists(long caseNumber) {
        return CaseRows.find(em, writes, caseNumber).isPresent();
    }

    /** Whether the address is the requester or a participant (the admin's standing is the router's to judge). */
    public boolean takesPart(long caseNumber, String address) {
        return CaseRows.find(em, writes, caseNumber).filter(c -> c.takesPart(address)).isPresent();
    }

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

    private SupportCase byNumber(long number) {
        return CaseRows.find(em, writes, number)
                .orElseThrow(() -> new IllegalStateException("case #" + number + " was routed to but is gone"));
    }

    private void file(SupportCase c, CaseMessage m) {
        CaseRows.file(em, writes, c, m);
    }
}
