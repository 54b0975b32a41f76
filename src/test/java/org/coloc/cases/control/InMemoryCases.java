package org.coloc.cases.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coloc.outbox.control.OutgoingIds;

/**
 * The app's case store, as maps: stored messages (id → case), ids referenced by stored messages (ghost parents),
 * participants (see {@link StoredCases}), normalised subject and last activity of each case.
 */
final class InMemoryCases extends StoredCases implements Threading.CaseLookup {

    final Map<Long, String> subjects = new HashMap<>();
    final Map<Long, Instant> lastActivity = new HashMap<>();
    private long next = 1;

    InMemoryCases(OutgoingIds outgoing) {
        super(outgoing);
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
