package org.coloc.intake.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.intake.control.BatchCommit;
import org.coloc.intake.control.FetchedMail;
import org.coloc.intake.control.ImapMailbox;
import org.coloc.intake.control.IntakeStore;
import org.coloc.intake.control.MailboxEntry;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.intake.control.StoreOutcome;

/**
 * Watches the coloc mailbox for as long as the application runs: IDLE where the server offers it, polling
 * otherwise, reconnecting with backoff when the server goes away. Each batch is committed to the database
 * before its messages are moved on the server, so a crash at any instant loses nothing and, thanks to
 * de-duplication, duplicates nothing.
 */
@Singleton
@Startup
@DependsOn("LocalMailbox")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailboxWatcher {

    private static final Logger LOG = Logger.getLogger(MailboxWatcher.class.getName());
    /** A batch is one FETCH and one transaction; this caps its memory. */
    private static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MailboxSettings settings;

    @EJB
    IntakeStore store;

    @Inject
    java.time.Clock clock;

    private volatile boolean running;
    private volatile boolean connected;
    private volatile ImapMailbox current;
    private volatile String lastError;
    private volatile Instant lastCheck;
    /** The highest UID listed on the current connection: anything above it arrived since. */
    private long highestSeen;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private Thread reader;
    private Thread waker;
    /**
     * When the waker looks once more besides its poll interval (System.nanoTime; 0: not asked): set after a round
     * that took mail in. Mail arriving between our last check and the start of IDLE is announced by neither on some
     * servers (the built-in GreenMail among them), and would wait for the poll; it comes in bursts, right after
     * other mail, which is when this second look happens.
     */
    private volatile long lookAgainAt;
    static final Duration LOOK_AGAIN_AFTER = Duration.ofSeconds(2);

    @PostConstruct
    void start() {
        running = true;
        reader = threads.newThread(this::readLoop);
        reader.setName("coloc-mailbox-reader");
        waker = threads.newThread(this::wakeLoop);
        waker.setName("coloc-mailbox-waker");
        reader.start();
        waker.start();
        LOG.info(() -> "Watching mailbox " + settings.describe());
    }

    @PreDestroy
    void stop() {
        running = false;
        ImapMailbox box = current;
        if (box != null) {
            box.close();
        }
        for (Thread t : new Thread[] {reader, waker}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public boolean isConnected() {
        return connected;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastCheck() {
        return lastCheck;
    }

    public String describe() {
        return settings.describe();
    }

    private void readLoop() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            ImapMailbox box = new ImapMailbox(settings);
            try {
                current = box;
                box.open();
                connected = true;
                lastError = null;
                backoff = Duration.ofSeconds(1);
                LOG.info(() -> "Mailbox connected" + (box.supportsIdle() && settings.useIdle() ? " (IDLE)" : " (polling)"));
                highestSeen = 0;
                int rechecks = 0;
                while (running) {
                    long before = highestSeen;
                    drain(box);
                    if (highestSeen > before) {
                        rechecks = 0;
                        lookAgainAt = System.nanoTime() + LOOK_AGAIN_AFTER.toNanos();
                    }
                    // (a server whose SEARCH and FETCH disagree must not keep us spinning: then IDLE anyway)
                    if (running && rechecks < 3 && box.hasMailAfter(highestSeen)) {
                        // arrived while we fetched or committed: the server announced it then, not during the
                        // IDLE to come, so waiting now would leave it until the next poll
                        rechecks++;
                        continue;
                    }
                    rechecks = 0;
                    if (box.supportsIdle() && settings.useIdle()) {
                        box.idle();
                    } else {
                        sleep(settings.pollInterval());
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                connected = false;
                if (!running) {
                    break;
                }
                lastError = String.valueOf(e.getMessage());
                Duration wait = backoff;
                LOG.log(Level.WARNING, (e instanceof StoringInterrupted ? "Intake paused (" : "Mailbox unavailable (")
                        + e + "); retrying in " + wait.toSeconds() + " s");
                LOG.log(Level.FINE, "Mailbox failure", e);
                sleep(wait);
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(settings.reconnectMax()) > 0) {
                    backoff = settings.reconnectMax();
                }
            } finally {
                connected = false;
                current = null;
                box.close();
            }
        }
    }

    /**
     * IDLE may miss nothing in theory; in practice links die silently, so look at least every poll interval, and
     * once more shortly after a round that took mail in (see {@link #lookAgainAt}).
     */
    private void wakeLoop() {
        long next = System.nanoTime() + settings.pollInterval().toNanos();
        while (running) {
            sleep(Duration.ofMillis(Math.min(1000, settings.pollInterval().toMillis())));
            long now = System.nanoTime();
            long again = lookAgainAt;
            boolean asked = again != 0 && now - again >= 0;
            if (!asked && now - next < 0) {
                continue;
            }
            if (asked) {
                lookAgainAt = 0;
            }
            next = now + settings.pollInterval().toNanos();
            ImapMailbox box = current;
            if (running && box != null && box.isOpen()) {
                try {
                    box.wakeUp();
                } catch (MessagingException | RuntimeException e) {
                    LOG.log(Level.FINE, "Wake-up of the mailbox failed; the reader will reconnect", e);
                }
            }
        }
    }

    /** Takes in everything waiting in the folder, batch by batch. */
    void drain(ImapMailbox box) throws MessagingException {
        lastCheck = clock.instant();
        long validity = box.uidValidity();
        List<MailboxEntry> waiting = new ArrayList<>(box.list());
        waiting.forEach(e -> highestSeen = Math.max(highestSeen, e.uid()));
        waiting.removeIf(MailboxEntry::done);
        waiting.sort(Comparator.comparingLong(MailboxEntry::uid));
        List<Long> batch = new ArrayList<>();
        long batchBytes = 0;
        for (MailboxEntry e : waiting) {
            if (!running) {
                return;
            }
            if (!batch.isEmpty() && (batch.size() >= settings.batchSize() || batchBytes + e.size() > MAX_BATCH_BYTES)) {
                takeIn(box, validity, batch);
                batch.clear();
                batchBytes = 0;
            }
            batch.add(e.uid());
            batchBytes += e.size();
        }
        if (!batch.isEmpty() && running) {
            takeIn(box, validity, batch);
        }
    }

    private void takeIn(ImapMailbox box, long validity, List<Long> uids) throws MessagingException {
        long t0 = System.nanoTime();
        List<FetchedMail> fetched = box.fetch(uids);
        long t1 = System.nanoTime();
        String key = settings.mailboxKey();
        BatchCommit.Committed committed = BatchCommit.commit(new BatchCommit.Store() {
            @Override
            public Map<Long, StoreOutcome> storeBatch(List<FetchedMail> batch) {
                return store.storeBatch(key, validity, batch);
            }

            @Override
            public StoreOutcome storeQuarantined(FetchedMail mail, String reason) {
                return store.storeQuarantined(key, validity, mail, reason);
            }
        }, fetched);
        Map<Long, StoreOutcome> outcomes = committed.outcomes();
        long t2 = System.nanoTime();
        List<Long> processed = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        outcomes.forEach((uid, outcome) -> {
            if (outcome == StoreOutcome.QUARANTINED) {
                rejected.add(uid);
            } else {
                processed.add(uid);
            }
            if (outcome == StoreOutcome.INGESTED) {
                stored.incrementAndGet();
            }
        });
        quarantined.addAndGet(rejected.size());
        // only now, with the database committed, may the server forget about these messages
        box.moveTo(processed, settings.processedFolder());
        box.moveTo(rejected, settings.quarantineFolder());
        long t3 = System.nanoTime();
        LOG.fine(() -> String.format("batch of %d: fetch %d ms, commit %d ms, move %d ms", fetched.size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
        if (committed.interruption() != null) {
            // nothing quarantined for it: the reader backs off, reconnects and takes the rest in again
            throw new StoringInterrupted(committed.interruption());
        }
    }

    /** Storing stopped on a passing database failure: what was not stored stays in the inbox for later. */
    static final class StoringInterrupted extends RuntimeException {
        StoringInterrupted(RuntimeException cause) {
            super("database unavailable: " + BatchCommit.rootCause(cause), cause);
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // interrupted only on shutdown; running is false then
            if (running) {
                Thread.interrupted();
            }
        }
    }

    public long storedCount() {
        return stored.get();
    }

    public long quarantinedCount() {
        return quarantined.get();
    }
}
