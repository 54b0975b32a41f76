package org.coloc.intake.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coloc.intake.entity.InboundMail;
import org.coloc.intake.entity.MailboxCheckpoint;
import org.coloc.intake.entity.RawMail;
import org.coloc.platform.ColocSettings;
import org.coloc.platform.ProblemException;

/**
 * Commits fetched mail: raw bytes first, then what parsing made of them, and the mailbox checkpoint, all in
 * one transaction per batch. The IMAP side moves a message only after this returns.
 */
@Stateless
public class IntakeStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    ColocSettings coloc;

    @Inject
    MailboxSettings mailbox;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<MailTaken> taken;

    @Inject
    jakarta.enterprise.event.Event<MailsArriving> arriving;

    @Inject
    jakarta.enterprise.event.Event<MailStored> stored;

    /** Stores a batch in one transaction; a failure rolls all of it back (the caller then goes one by one). */
    public Map<Long, StoreOutcome> storeBatch(String mailbox, long uidValidity, List<FetchedMail> batch) {
        Instant now = clock.instant();
        // parsing is pure and takes most of the CPU: spread it over the cores, each mail within its time budget
        List<MailIntake.Result> results = intake().takeAll(batch.stream().map(FetchedMail::raw).toList());
        Map<FetchedMail, MailIntake.Result> parsed = new java.util.IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            parsed.put(batch.get(i), results.get(i));
        }
        Map<String, List<FetchedMail>> byKey = new LinkedHashMap<>();
        for (FetchedMail m : batch) {
            byKey.computeIfAbsent(DedupeKey.of(m.raw()), k -> new java.util.ArrayList<>()).add(m);
        }
        Set<String> known = storedKeys(byKey);
        List<ParsedMail> fresh = byKey.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .map(e -> parsed.get(e.getValue().get(0))).filter(r -> !r.isRejected()).map(MailIntake.Result::mail)
                .toList();
        arriving.fire(new MailsArriving(fresh));
        Map<Long, StoreOutcome> outcomes = new LinkedHashMap<>();
        long maxUid = 0;
        for (Map.Entry<String, List<FetchedMail>> e : byKey.entrySet()) {
            List<FetchedMail> copies = e.getValue();
            for (int i = 0; i < copies.size(); i++) {
                FetchedMail m = copies.get(i);
                maxUid = Math.max(maxUid, m.uid());
                if (i > 0 || known.contains(e.getKey())) {
                    outcomes.put(m.uid(), StoreOutcome.DUPLICATE);
                } else {
                    outcomes.put(m.uid(), persist(e.getKey(), m.raw(), mailbox, now, parsed.get(m)));
                }
            }
        }
        advanceCheckpoint(mailbox, uidValidity, maxUid, now);
        return outcomes;
    }

    /**
     * Last resort for a mail whose normal storing failed (e.g. a database constraint on parsed content): keep
     * its raw bytes and the reason, in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public StoreOutcome storeQuarantined(String mailbox, long uidValidity, FetchedMail m, String reason) {
        Instant now = clock.instant();
        String key = DedupeKey.of(m.raw());
        if (!storedKeys(Map.of(key, List.of(m))).isEmpty()) {
            return StoreOutcome.DUPLICATE;
        }
        InboundMail mail = new InboundMail(key, RawHeaders.messageId(m.raw()), now, m.raw().length, mailbox);
        mail.quarantined(reason);
        mail.identify(RawHeaders.first(m.raw(), "From"), RawHeaders.first(m.raw(), "Subject"));
        em.persist(mail);
        em.persist(new RawMail(mail.getId(), m.raw()));
        advanceCheckpoint(mailbox, uidValidity, m.uid(), now);
        stored.fire(MailStored.of(mail));
        return StoreOutcome.QUARANTINED;
    }

    /** Parses a quarantined mail again (after a parser fix, or a raised size limit). */
    public InboundMail retry(long id) {
        InboundMail mail = em.find(InboundMail.class, id);
        if (mail == null) {
            throw ProblemException.notFound("No message " + id + ".");
        }
        if (!mail.isQuarantined()) {
            throw ProblemException.conflict("Message " + id + " is not quarantined.");
        }
        RawMail raw = em.find(RawMail.class, id);
        MailIntake.Result result = intake().takeAll(List.of(raw.getBytes())).get(0);
        if (result.isRejected()) {
            mail.quarantined(result.rejection());
            stored.fire(MailStored.of(mail));
            return mail;
        }
        mail.ingested(result.fields());
        stored.fire(MailStored.of(mail));
        taken.fire(new MailTaken(mail, result.mail(), result.classification()));
        return mail;
    }

    private StoreOutcome persist(String key, byte[] raw, String mailbox, Instant now, MailIntake.Result result) {
        InboundMail mail = new InboundMail(key, RawHeaders.messageId(raw), now, raw.length, mailbox);
        em.persist(mail);
        // the raw bytes go in with the row, whatever parsing made of them
        em.persist(new RawMail(mail.getId(), raw));
        if (result.isRejected()) {
            mail.quarantined(result.rejection());
            mail.identify(RawHeaders.first(raw, "From"), RawHeaders.first(raw, "Subject"));
            stored.fire(MailStored.of(mail));
            return StoreOutcome.QUARANTINED;
        }
        mail.ingested(result.fields());
        stored.fire(MailStored.of(mail));
        taken.fire(new MailTaken(mail, result.mail(), result.classification()));
        return StoreOutcome.INGESTED;
    }

    /**
     * Which of these keys are already stored. A mail stored by an older version sits under its Message-ID alone
     * ({@link DedupeKey#legacy}); it is the same mail only if its stored bytes give the same key today.
     */
    private Set<String> storedKeys(Map<String, List<FetchedMail>> byKey) {
        if (byKey.isEmpty()) {
            return Set.of();
        }
        Set<String> known = new HashSet<>(em.createNamedQuery(InboundMail.EXISTING_KEYS, String.class)
                .setParameter("keys", List.copyOf(byKey.keySet())).getResultList());
        Map<String, Set<String>> keysByLegacy = new HashMap<>();
        byKey.forEach((key, mails) -> {
            String legacy = known.contains(key) ? null : DedupeKey.legacy(mails.get(0).raw());
            if (legacy != null) {
                keysByLegacy.computeIfAbsent(legacy, k -> new HashSet<>()).add(key);
            }
        });
        if (!keysByLegacy.isEmpty()) {
            for (Object[] row : em.createNamedQuery(InboundMail.IDS_OF_KEYS, Object[].class)
                    .setParameter("keys", List.copyOf(keysByLegacy.keySet())).getResultList()) {
                RawMail raw = em.find(RawMail.class, row[0]);
                if (raw != null) {
                    String today = DedupeKey.of(raw.getBytes());
                    if (keysByLegacy.get((String) row[1]).contains(today)) {
                        known.add(today);
                    }
                }
            }
        }
        return known;
    }

    private void advanceCheckpoint(String mailbox, long uidValidity, long uid, Instant now) {
        MailboxCheckpoint cp = em.find(MailboxCheckpoint.class, MailboxCheckpoint.keyOf(mailbox));
        if (cp == null) {
            cp = new MailboxCheckpoint(mailbox, uidValidity, now);
            em.persist(cp);
        }
        cp.advance(uidValidity, uid, now);
    }

    /** The last committed UID of a mailbox under the given UIDVALIDITY (0 when none or renumbered). */
    public long lastUid(String mailbox, long uidValidity) {
        MailboxCheckpoint cp = em.find(MailboxCheckpoint.class, MailboxCheckpoint.keyOf(mailbox));
        return cp == null ? 0 : cp.lastUidUnder(uidValidity);
    }

    private MailIntake intake() {
        return new MailIntake(coloc.address(), mailbox.maxMessageBytes(), mailbox.parseTimeout());
    }
}
