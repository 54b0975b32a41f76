package org.coloc.outbox.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coloc.outbox.control.Delivery;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.outbox.entity.OutboxRecipient;
import org.coloc.outbox.entity.OutboxStatus;

/** Short transactions over outbox rows for the sender: never one open during an SMTP conversation. */
@Stateless
public class OutboxRows {

    @PersistenceContext
    EntityManager em;

    public List<Long> due(Instant now) {
        return em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", now).setMaxResults(200)
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

    /** The claimed mail, addressed to its recipients still pending; null when there is nothing to send. */
    public OutgoingMail pending(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null || mail.getStatus() != OutboxStatus.SENDING) {
            return null;
        }
        List<String> to = recipients(mail).stream().filter(OutboxRecipient::isPending)
                .map(OutboxRecipient::getAddress).toList();
        return new OutgoingMail(mail.getMessageId(), to, mail.getSubject(), mail.getBody(), mail.getInReplyTo(),
                mail.getReferences(), mail.getAutoSubmitted(), mail.getHeaders(), mail.getCalendar());
    }

    /** Marks each recipient as the attempt left it, then the mail: done, failed, or due again later. */
    public void attempted(long id, Map<String, Delivery.Outcome> outcomes, Instant now, Duration maxDelay,
            Duration giveUpAfter) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        List<OutboxRecipient> recipients = recipients(mail);
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
