package org.coloc.outbox.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.coloc.outbox.control.Delivery;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.outbox.entity.OutboxRecipient;
import org.coloc.outbox.entity.OutboxStatus;

/** Short transactions over outbox rows for the sender: never one open during an SMTP conversation. */
@Stateless
public class OutboxRows {

    /** Ids per IN list: long lists make Derby's statements slow to compile. */
    private static final int CHUNK = 200;

    @PersistenceContext
    EntityManager em;

    public List<Long> due(Instant now) {
        return due(now, 200);
    }

    /** The ids of at most {@code max} mails due now, the longest waiting first. */
    public List<Long> due(Instant now, int max) {
        return em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", now).setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes a due mail for this sender until {@code until}: one conditional UPDATE, so when several instances
     * drain the same outbox exactly one of them gets it. If the taker dies before marking it, the mail is due
     * again when the lease ends.
     */
    public boolean claim(long id, Instant now, Instant until) {
        return em.createNamedQuery(OutboxMail.CLAIM).setParameter("id", id).setParameter("now", now)
                .setParameter("until", until).executeUpdate() == 1;
    }

    /**
     * Takes a batch of due mails for this sender until {@code until}, in one transaction: each by the same
     * conditional UPDATE as {@link #claim(long, Instant, Instant)}, so that every mail goes to exactly one of
     * several instances draining at once, and this one knows which it got. Taken in the order of their ids, so two
     * instances claiming overlapping batches lock rows in the same order and never deadlock.
     *
     * @return the ids it got, in the order given
     */
    public List<Long> claim(List<Long> ids, Instant now, Instant until) {
        Query claim = em.createNamedQuery(OutboxMail.CLAIM).setParameter("now", now).setParameter("until", until);
        Set<Long> got = new HashSet<>();
        for (Long id : new TreeSet<>(ids)) {
            if (claim.setParameter("id", id).executeUpdate() == 1) {
                got.add(id);
            }
        }
        return ids.stream().distinct().filter(got::contains).toList();
    }

    /**
     * Gives back claimed mails that were not tried (the round ended first: SMTP unreachable): due again at once,
     * as if never claimed. Only while this sender's lease holds ({@code until}, as claimed).
     */
    public int release(Collection<Long> ids, Instant until, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(OutboxMail.RELEASE).setParameter("ids", List.copyOf(ids))
                .setParameter("until", until).setParameter("now", now).executeUpdate();
    }

    /**
     * The claimed mails, each addressed to its recipients still pending, in the order given; read in two
     * queries. A mail that is no longer this sender's, or has nobody left to send to, is left out.
     */
    public Map<Long, OutgoingMail> pending(List<Long> ids) {
        Map<Long, OutgoingMail> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, OutboxMail> mails = mails(ids);
        Map<Long, List<OutboxRecipient>> recipients = recipients(mails.values());
        for (Long id : ids) {
            OutboxMail mail = mails.get(id);
            if (mail == null || mail.getStatus() != OutboxStatus.SENDING) {
                continue;
            }
            out.put(id, outgoing(mail, recipients.get(id)));
        }
        return out;
    }

    /** The claimed mail, addressed to its recipients still pending; null when there is nothing to send. */
    public OutgoingMail pending(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null || mail.getStatus() != OutboxStatus.SENDING) {
            return null;
        }
        return outgoing(mail, recipients(mail));
    }

    private static OutgoingMail outgoing(OutboxMail mail, List<OutboxRecipient> recipients) {
        List<String> to = recipients.stream().filter(OutboxRecipient::isPending).map(OutboxRecipient::getAddress)
                .toList();
        return new OutgoingMail(mail.getMessageId(), to, mail.getSubject(), mail.getBody(), mail.getInReplyTo(),
                mail.getReferences(), mail.getAutoSubmitted(), mail.getHeaders(), mail.getCalendar());
    }

    /** Marks each recipient as the attempt left it, then the mail: done, failed, or due again later. */
    public void attempted(long id, Map<String, Delivery.Outcome> outcomes, Instant now, Duration maxDelay,
            Duration giveUpAfter) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        record(mail, recipients(mail), outcomes, now, maxDelay, giveUpAfter);
    }

    /**
     * {@link #attempted(long, Map, Instant, Duration, Duration)} for many mails in one transaction: the outcomes
     * of each mail by its id.
     */
    public void attempted(Map<Long, Map<String, Delivery.Outcome>> outcomes, Instant now, Duration maxDelay,
            Duration giveUpAfter) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<Long, OutboxMail> mails = mails(List.copyOf(outcomes.keySet()));
        Map<Long, List<OutboxRecipient>> recipients = recipients(mails.values());
        outcomes.forEach((id, of) -> {
            OutboxMail mail = mails.get(id);
            if (mail != null) {
                record(mail, recipients.get(id), of, now, maxDelay, giveUpAfter);
            }
        });
    }

    private static void record(OutboxMail mail, List<OutboxRecipient> recipients, Map<String, Delivery.Outcome> outcomes,
            Instant now, Duration maxDelay, Duration giveUpAfter) {
        for (OutboxRecipient r : recipients) {
            Delivery.Outcome o = r.isPending() ? outcomes.get(r.getAddress()) : null;
            if (o == null) {
                continue;
            }
            switch (o.result()) {
                case SENT -> r.sent();
                case REFUSED -> r.failed(o.reason());
                case DEFERRED -> r.deferred(o.reason());
            }
        }
        mail.attempted(recipients, now, maxDelay, giveUpAfter);
    }

    private Map<Long, OutboxMail> mails(List<Long> ids) {
        Map<Long, OutboxMail> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.createNamedQuery(OutboxMail.BY_IDS, OutboxMail.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList()
                    .forEach(m -> out.put(m.getId(), m));
        }
        return out;
    }

    /** The recipient rows of these mails by mail, read together; legacy mails get theirs as {@link #recipients}. */
    private Map<Long, List<OutboxRecipient>> recipients(Collection<OutboxMail> mails) {
        List<Long> ids = mails.stream().map(OutboxMail::getId).toList();
        Map<Long, List<OutboxRecipient>> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.createNamedQuery(OutboxRecipient.OF_MAILS, OutboxRecipient.class)
                    .setParameter("mails", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList()
                    .forEach(r -> out.computeIfAbsent(r.getMailId(), k -> new ArrayList<>()).add(r));
        }
        for (OutboxMail mail : mails) {
            if (!out.containsKey(mail.getId())) {
                out.put(mail.getId(), recipients(mail));
            }
        }
        return out;
    }

    /** The recipient rows of a mail; a row queued before they existed gets them from its old column now. */
    public List<OutboxRecipient> recipients(OutboxMail mail) {
        List<OutboxRecipient> rows = recipientsOf(em, mail);
        rows.stream().filter(r -> !em.contains(r)).forEach(em::persist);
        return rows;
    }

    /**
     * The recipient rows of a mail as stored; for a mail queued before they existed, made from its old column and
     * not stored (the sender stores them, {@link #recipients}; the admin's view only reads them).
     */
    static List<OutboxRecipient> recipientsOf(EntityManager em, OutboxMail mail) {
        List<OutboxRecipient> rows = em.createNamedQuery(OutboxRecipient.OF_MAIL, OutboxRecipient.class)
                .setParameter("mail", mail.getId()).getResultList();
        if (!rows.isEmpty()) {
            return rows;
        }
        List<String> legacy = mail.legacyRecipients();
        List<OutboxRecipient> made = new java.util.ArrayList<>();
        for (int i = 0; i < legacy.size(); i++) {
            made.add(new OutboxRecipient(mail.getId(), i, legacy.get(i)));
        }
        return made;
    }
}
