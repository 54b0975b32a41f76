package org.coloc.outbox.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coloc.outbox.control.Composer;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.outbox.entity.OutboxRecipient;
import org.coloc.outbox.entity.OutboxStatus;
import org.coloc.platform.ColocBean;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;

/**
 * The one way to send mail: a row in the outbox, in the caller's transaction; and the admin's view of it (list,
 * retry, drop).
 */
@Stateless
public class Outbox extends ColocBean {

    /** Recipients per IN list: long lists make Derby's statements slow to compile. */
    private static final int LOOKUP_CHUNK = 200;

    @Inject
    QueuedInTransaction queued;

    @Inject
    OutgoingIds outgoingIds;

    @EJB
    OutboxRows rows;

    @Inject
    Event<DrainKick.MailQueued> mailQueued;

    /** What was queued: the Message-ID it will carry (without angle brackets), its subject and text. */
    public record Queued(String messageId, String subject, String text) {
    }

    /**
     * Queues a mail of a kind: the one way out. The outbox renders its template and sets every header that
     * follows from the kind (see {@link Composer}). MANDATORY: the mail and the change that causes it commit
     * together or not at all.
     *
     * @throws IllegalArgumentException when the request contradicts its kind or its template
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Queued queue(NewMail mail) {
        OutgoingMail composed = Composer.compose(mail, outgoingIds, domain());
        String id = enqueue(mail.kind(), mail.caseNumber(), composed);
        return new Queued(id, composed.subject(), composed.text());
    }

    private String enqueue(OutboxKind kind, Long caseNumber, OutgoingMail mail) {
        List<String> to = distinct(mail.to());
        OutboxMail row = new OutboxMail(mail.messageId(), kind, caseNumber, to, mail.subject(), mail.text(),
                mail.inReplyTo(), mail.references(), mail.autoSubmitted(), mail.headers(), mail.calendar(),
                clock.instant());
        // the table generator assigns the id here, before any flush
        em.persist(row);
        for (int i = 0; i < to.size(); i++) {
            em.persist(new OutboxRecipient(row.getId(), i, to.get(i)));
        }
        if (queued.queued(kind, row.getFirstRecipient(), row.getId())) {
            // observed after the commit, so the drain sees the rows; not at all on a rollback
            mailQueued.fire(new DrainKick.MailQueued());
        }
        // as stored and sent: a caller's over-long id is kept as a bounded key
        return row.getMessageId();
    }

    /**
     * How many mails of this kind went (or are queued) to this address in the last {@code window}, counting
     * those queued by the current transaction (for rate limits).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long recentlySent(OutboxKind kind, String to, Duration window) {
        String recipient = OutboxMail.firstRecipient(List.of(to));
        Set<Long> ahead = queued.readAheadIds(kind, recipient);
        Set<Long> ids = new HashSet<>(ahead != null ? ahead : em.createNamedQuery(OutboxMail.RECENT_OF_KIND_TO,
                Long.class).setParameter("kind", kind).setParameter("to", recipient)
                .setParameter("since", clock.instant().minus(window)).setFlushMode(FlushModeType.COMMIT)
                .getResultList());
        ids.addAll(queued.ids(kind, recipient));
        return ids.size();
    }

    /**
     * Reads at once, for a batch of mail, what {@link #recentlySent} will ask about these recipients in this
     * transaction (same kind and window).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lookUpAhead(OutboxKind kind, Collection<String> recipients, Duration window) {
        List<String> all = recipients.stream().map(r -> OutboxMail.firstRecipient(List.of(r)))
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Set<Long>> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            for (Object[] row : em.createNamedQuery(OutboxMail.RECENT_OF_KIND_TO_ANY, Object[].class)
                    .setParameter("kind", kind).setParameter("to", all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)))
                    .setParameter("since", clock.instant().minus(window)).setFlushMode(FlushModeType.COMMIT)
                    .getResultList()) {
                found.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((Long) row[1]);
            }
        }
        queued.readAhead(kind, all, found);
    }

    /** The addresses this mail of ours went (or goes) to, lower-cased; empty when it is not ours. */
    public List<String> recipientsOf(String messageId) {
        String id = messageId == null ? null : messageId.strip();
        if (id == null || id.isEmpty()) {
            return List.of();
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        List<Long> mails = em.createNamedQuery(OutboxMail.BY_MESSAGE_ID, Long.class)
                .setParameter("id", OutboxMail.messageKey(id)).setFlushMode(FlushModeType.COMMIT).getResultList();
        Set<String> out = new LinkedHashSet<>();
        for (Long mail : mails) {
            recipients(em.find(OutboxMail.class, mail)).forEach(r -> out.add(r.getAddress().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(out);
    }

    /** Outgoing mail, newest first; status: queued, sending, sent, failed, dropped; kind: e.g. acknowledgement. */
    public Page<OutboxMailView> list(Paging paging, String status, String kind) {
        ListQuery<OutboxMail> query = ListQuery.of(OutboxMail.class, "o")
                .filter(ListQuery.nonBlank(status), "o.status IN :statuses", "statuses", Outbox::statuses);
        if (ListQuery.nonBlank(kind) != null) {
            // a label that names no kind matches no mail
            Optional<OutboxKind> known = OutboxKind.ofLabel(kind.trim());
            query = known.isPresent() ? query.where("o.kind = :kind", "kind", known.get()) : query.nothing();
        }
        Page<OutboxMail> page = query.orderBy("o.createdAt DESC, o.id DESC").page(em, paging);
        Map<Long, List<OutboxRecipient>> recipients = new HashMap<>();
        if (!page.items().isEmpty()) {
            em.createNamedQuery(OutboxRecipient.OF_MAILS, OutboxRecipient.class)
                    .setParameter("mails", page.items().stream().map(OutboxMail::getId).toList()).getResultList()
                    .forEach(r -> recipients.computeIfAbsent(r.getMailId(), k -> new ArrayList<>()).add(r));
        }
        return page.map(m -> OutboxMailView.of(m,
                recipients.containsKey(m.getId()) ? recipients.get(m.getId()) : recipients(m)));
    }

    /** The stored labels a status filter matches: mail queued before the statuses were renamed is "pending". */
    private static List<String> statuses(String raw) {
        OutboxStatus s;
        try {
            s = OutboxStatus.fromLabel(raw.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be queued, sending, sent, failed or dropped.");
        }
        return s == OutboxStatus.QUEUED ? List.of(s.label(), "pending") : List.of(s.label());
    }

    public OutboxMailView get(long id) {
        OutboxMail mail = byId(id);
        return OutboxMailView.of(mail, recipients(mail));
    }

    /**
     * Tries a failed, dropped or waiting mail again now, refused addresses included, with a fresh give-up
     * time. Mail that went out, or is going out right now, is left alone (409).
     */
    public OutboxMailView retry(long id) {
        if (em.createNamedQuery(OutboxMail.REQUEUE).setParameter("id", id).setParameter("now", clock.instant())
                .executeUpdate() == 0) {
            OutboxMail mail = byId(id);
            throw ProblemException.conflict("Outbox mail " + id + " is " + mail.getStatus().label()
                    + ": only queued, failed or dropped mail can be retried.");
        }
        OutboxMail mail = byId(id);
        List<OutboxRecipient> recipients = rows.recipients(mail);
        OutboxMail.retry(recipients);
        return OutboxMailView.of(mail, recipients);
    }

    /** Withdraws a mail that has not gone out; sent mail is history (409), a dropped one stays dropped. */
    public void drop(long id) {
        if (em.createNamedQuery(OutboxMail.DROP).setParameter("id", id).executeUpdate() == 0) {
            OutboxMail mail = byId(id);
            if (mail.getStatus() != OutboxStatus.DROPPED) {
                throw ProblemException.conflict("Outbox mail " + id + " is " + mail.getStatus().label()
                        + ": only queued or failed mail can be dropped; sent mail is history.");
            }
        }
    }

    private OutboxMail byId(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            throw ProblemException.notFound("No outbox mail " + id + ".");
        }
        return mail;
    }

    /** Its recipient rows; for a row queued before they existed, read from its old column (not stored). */
    private List<OutboxRecipient> recipients(OutboxMail mail) {
        return OutboxRows.recipientsOf(em, mail);
    }

    /** Each address once (case does not matter in practice), in order; never split on commas. */
    private static List<String> distinct(List<String> to) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String a : to == null ? List.<String>of() : to) {
            if (a != null && !a.isBlank() && seen.add(a.strip().toLowerCase(Locale.ROOT))) {
                out.add(a.strip());
            }
        }
        return out;
    }

    private String domain() {
        String address = coloc.address();
        return address.substring(address.indexOf('@') + 1);
    }
}
