package org.coloc.outbox.boundary;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.coloc.outbox.entity.OutboxKind;

/**
 * The mails the current transaction queued, by kind and first recipient. Intake threads a whole batch
 * of mail in one transaction; the acknowledgement rate limit reads the database rows without flushing the
 * batch first (see {@code CaseWrites} for why a flush per mail is costly) and adds what this list knows. The
 * first mail of a transaction also asks for a drain once it commits ({@link DrainKick}).
 */
@TransactionScoped
public class QueuedInTransaction implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Set<Long>> ids = new HashMap<>();
    private final Map<String, Set<Long>> stored = new HashMap<>();

    private boolean any;

    /** Records a queued mail; true for the transaction's first (then the drain is asked for, once). */
    boolean queued(OutboxKind kind, String firstRecipient, long id) {
        boolean first = !any;
        any = true;
        ids.computeIfAbsent(key(kind, firstRecipient), k -> new HashSet<>()).add(id);
        return first;
    }

    /** Ids, not a count: a row may also have been flushed already and be found by a query too. */
    Set<Long> ids(OutboxKind kind, String firstRecipient) {
        return ids.getOrDefault(key(kind, firstRecipient), Set.of());
    }

    /** Rows of this kind to these recipients already in the database, read ahead for a batch. */
    void readAhead(OutboxKind kind, Collection<String> recipients, Map<String, Set<Long>> found) {
        for (String r : recipients) {
            stored.put(key(kind, r), new HashSet<>(found.getOrDefault(r, Set.of())));
        }
    }

    /** What {@link #readAhead} read for this kind and recipient; null when not read ahead. */
    Set<Long> readAheadIds(OutboxKind kind, String recipient) {
        return stored.get(key(kind, recipient));
    }

    private static String key(OutboxKind kind, String firstRecipient) {
        return kind.label() + '\n' + firstRecipient;
    }
}
