package org.coloc.outbox.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.platform.ColocConfig;

/** The one way to send mail: a row in the outbox, in the caller's transaction. */
@Stateless
public class Outbox {

    /** Recipients per IN list: long lists make Derby's statements slow to compile. */
    private static final int LOOKUP_CHUNK = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ColocConfig config;

    @Inject
    QueuedInTransaction queued;

    /**
     * Queues a mail. MANDATORY: the mail and the change that causes it commit together or not at all.
     * Answers the Message-ID the mail will carry (without angle brackets).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String enqueue(String kind, Long caseNumber, OutgoingMail mail) {
        String messageId = mail.messageId() != null ? mail.messageId() : UUID.randomUUID() + "@" + domain();
        OutboxMail row = new OutboxMail(messageId, kind, caseNumber, mail.to(), mail.subject(), mail.text(),
                mail.inReplyTo(), mail.references(), mail.autoSubmitted(), clock.instant());
        // the table generator assigns the id here, before any flush
        em.persist(row);
        queued.queued(kind, row.getFirstRecipient(), row.getId());
        return messageId;
    }

    /**
     * How many mails of this kind went (or are queued) to this address in the last {@code window}, counting
     * those queued by the current transaction (for rate limits).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long recentlySent(String kind, String to, Duration window) {
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
    public void lookUpAhead(String kind, Collection<String> recipients, Duration window) {
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

    /**
     * The addresses an outbox mail with this Message-ID was sent (or is queued) to, lower-case; empty if we
     * never sent such a mail. A bounce counts only for one of them.
     */
    public List<String> recipientsOf(String messageId) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 255) {
            return List.of();
        }
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return em.createQuery("SELECT o FROM OutboxMail o WHERE o.messageId = :id", OutboxMail.class)
                .setParameter("id", id).setFlushMode(FlushModeType.COMMIT).getResultList().stream()
                .flatMap(o -> o.getTo().stream()).map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(a -> !a.isEmpty()).distinct().toList();
    }

    private String domain() {
        String address = config.colocAddress();
        return address.substring(address.indexOf('@') + 1);
    }
}
