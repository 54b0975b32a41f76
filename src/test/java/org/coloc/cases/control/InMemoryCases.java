package org.coloc.cases.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coloc.outbox.control.OutgoingIds;

/**
 * The app's case store, as maps: stored messages (id → case), ids referenced by stored messages (ghost parents),
 * participants, normalised subject and last activity of each case. Verifies our outgoing ids when given an
 * {@link OutgoingIds}, as the real lookup does.
 */
final class InMemoryCases implements Threading.CaseLookup {

    final Map<String, Long> stored = new HashMap<>();
    final Map<String, Long> referenced = new HashMap<>();
    final Map<Long, Set<String>> participants = new HashMap<>();
    final Map<Long, String> subjects = new HashMap<>();
    final Map<Long, Instant> lastActivity = new HashMap<>();
    private final OutgoingIds outgoing;
    private long next = 1;

    InMemoryCases(OutgoingIds outgoing) {
        this.outgoing = outgoing;
    }

    InMemoryCases() {
        this(null);
    }

    /** A new case opened by {@code from} with this subject at {@code when}. */
    long open(String from, String subject, Instant when) {
        long n = next++;
        participants.put(n, new LinkedHashSet<>());
        subjects.put(n, Subjects.normalise(subject));
        lastActivity.put(n, when);
        if (from != null) {
            participants.get(n).add(from.toLowerCase(Locale.ROOT));
        }
        return n;
    }

    /** Files a mail in a case: its id, the ids it references, its sender, the activity. */
    void record(long caseNumber, Threading.MailFacts mail, Instant when) {
        String own = Threading.id(mail.messageId());
        if (own != null) {
            stored.putIfAbsent(own, caseNumber);
        }
        for (String ref : Threading.parentIds(mail)) {
            referenced.putIfAbsent(ref, caseNumber);
        }
        if (mail.fromAddress() != null) {
            participants.get(caseNumber).add(mail.fromAddress().toLowerCase(Locale.ROOT));
        }
        if (when != null && (lastActivity.get(caseNumber) == null || when.isAfter(lastActivity.get(caseNumber)))) {
            lastActivity.put(caseNumber, when);
        }
    }

    /** Threads the mail, opens a case if so decided, files the mail; the decision. */
    Threading.Decision receive(Threading.MailFacts mail, Instant now) {
        Threading.Decision d = Threading.thread(mail, this, now);
        long n = d.caseNumber() != null ? d.caseNumber() : open(mail.fromAddress(), mail.subject(), now);
        record(n, mail, now);
        return new Threading.Decision(n, d.rule(), d.foreignTag());
    }

    int caseCount() {
        return participants.size();
    }

    @Override
    public Optional<Long> caseOfMessageId(String messageId) {
        if (outgoing != null) {
            Long ours = outgoing.caseOf(messageId);
            if (ours != null) {
                return exists(ours) ? Optional.of(ours) : Optional.empty();
            }
        }
        Long n = stored.get(messageId);
        return Optional.ofNullable(n != null ? n : referenced.get(messageId));
    }

    @Override
    public boolean exists(long caseNumber) {
        return participants.containsKey(caseNumber);
    }

    @Override
    public boolean takesPart(long caseNumber, String address) {
        return address != null && participants.getOrDefault(caseNumber, Set.of())
                .contains(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
        Long best = null;
        for (Map.Entry<Long, String> e : subjects.entrySet()) {
            long n = e.getKey();
            Instant last = lastActivity.get(n);
            if (e.getValue().equals(normalisedSubject) && takesPart(n, address) && last != null
                    && !last.isBefore(since) && (best == null || last.isAfter(lastActivity.get(best)))) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    static Threading.MailFacts mail(String id, String inReplyTo, List<String> refs, String from, String subject) {
        return new Threading.MailFacts(id, inReplyTo, refs, from, subject, null);
    }
}
