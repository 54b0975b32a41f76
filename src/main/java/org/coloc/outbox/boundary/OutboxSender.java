package org.coloc.outbox.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.outbox.control.Delivery;
import org.coloc.outbox.control.OutboxSettings;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.control.SmtpSender;

/**
 * Drains the outbox: every two seconds, and at once after a transaction that queued mail commits
 * ({@link DrainKick}). A drain goes on while mail is due, over one SMTP connection: it claims a batch of due mails
 * (one transaction), reads them (two queries), sends them one after the other, and records what the server said
 * (one transaction per {@value #RECORD_EVERY} mails). A refusal for good (5xx, malformed address) fails that
 * recipient at once; a temporary one leaves it queued with a growing delay (up to
 * {@code coloc.outbox.max-retry-seconds}) until {@code coloc.outbox.give-up-after}. A failing mail never holds
 * back the next one; only a server that cannot be reached ends the drain, since every other mail would meet it too
 * (the mails of the batch not tried yet are given back, due at the next round). When SMTP is down nothing is lost;
 * when it is back every queued mail goes out. A crash between the SMTP answers and their record sends those mails
 * (at most {@value #RECORD_EVERY}) again when their lease ends, with the same Message-IDs, so mail clients show
 * each once. Each mail is claimed before it is sent, so several instances on one database never send the same
 * mail twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** How long a claimed mail stays with its sender: after a crash mid-send it is due again then. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Mails claimed at once: one transaction for the claim, two queries to read them. */
    static final int BATCH = 100;
    /** Outcomes recorded per transaction: also how many mails a crash may send twice. */
    static final int RECORD_EVERY = 25;
    /** The timer's {@code info}; a test stops the drain by cancelling it. */
    static final String DRAIN = "outbox drain";

    @EJB
    OutboxRows rows;

    @Inject
    SmtpSender smtp;

    @Inject
    Clock clock;

    @Inject
    OutboxSettings settings;

    @Resource
    TimerService timers;

    /** A drain is running; another asked meanwhile is {@link #requested} and done by the running one. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = DRAIN)
    void drain() {
        requested.set(true);
        // whoever finds the drain idle runs it, as long as anyone asked: an ask that comes as a drain ends is
        // seen by the loop below, never lost until the next tick
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                while (requested.getAndSet(false)) {
                    drainDue();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox drain failed; the next round tries again", e);
            } finally {
                running.set(false);
            }
        }
    }

    /** A transaction queued mail and committed: drain now rather than at the next tick (not if stopped). */
    public void kicked() {
        if (timers.getTimers().stream().anyMatch(t -> DRAIN.equals(t.getInfo()))) {
            drain();
        }
    }

    /** Where a drain's time went, for the log (nanoseconds). */
    private static final class Took {
        long claim;
        long read;
        long smtp;
        long record;
        int mails;

        long since(long start) {
            return System.nanoTime() - start;
        }

        @Override
        public String toString() {
            return mails + " mails: claim " + claim / 1_000_000 + " ms, read " + read / 1_000_000 + " ms, smtp "
                    + smtp / 1_000_000 + " ms, record " + record / 1_000_000 + " ms";
        }
    }

    private void drainDue() {
        Took took = new Took();
        long start = System.nanoTime();
        try (SmtpSender.Connection connection = smtp.open()) {
            while (true) {
                long t = System.nanoTime();
                Instant now = clock.instant();
                List<Long> due = rows.due(now, BATCH);
                if (due.isEmpty()) {
                    return;
                }
                Instant until = now.plus(LEASE);
                List<Long> mine = rows.claim(due, now, until);
                took.claim += took.since(t);
                if (mine.isEmpty()) {
                    // another instance took them: it sends them, and this one looks again at the next round
                    return;
                }
                if (!send(connection, mine, until, took)) {
                    return;
                }
            }
        } finally {
            if (took.mails > 0) {
                // a fan-out is worth a line with where its time went; the everyday single mail is not
                LOG.log(took.mails >= BATCH ? Level.INFO : Level.FINE, () -> "Outbox drain: " + took + "; " + (System.nanoTime() - start) / 1_000_000
                        + " ms in all");
            }
        }
    }

    /** Sends the claimed batch; false when the SMTP server could not be reached (the drain ends). */
    private boolean send(SmtpSender.Connection connection, List<Long> claimed, Instant until, Took took) {
        Duration maxDelay = settings.maxRetryDelay();
        Duration giveUpAfter = settings.giveUpAfter();
        Set<Long> untried = new LinkedHashSet<>(claimed);
        Map<Long, Map<String, Delivery.Outcome>> outcomes = new LinkedHashMap<>();
        boolean reachable = true;
        try {
            long t = System.nanoTime();
            Map<Long, OutgoingMail> mails = rows.pending(claimed);
            took.read += took.since(t);
            // claimed but gone (the admin dropped it meanwhile): nothing to send, nothing to give back
            untried.retainAll(mails.keySet());
            for (Map.Entry<Long, OutgoingMail> e : mails.entrySet()) {
                long id = e.getKey();
                OutgoingMail mail = e.getValue();
                Map<String, Delivery.Outcome> of;
                long s = System.nanoTime();
                took.mails++;
                try {
                    of = connection.send(mail);
                } catch (SmtpSender.Unreachable x) {
                    LOG.log(Level.WARNING, "Outbox mail " + id + " not sent: SMTP server unreachable ("
                            + x.getMessage() + "); will retry");
                    of = Delivery.allDeferred(mail.to(), "SMTP server unreachable: " + x.getMessage());
                    reachable = false;
                } catch (RuntimeException x) {
                    LOG.log(Level.WARNING, "Outbox mail " + id + " not sent; will retry", x);
                    of = Delivery.allDeferred(mail.to(), String.valueOf(x));
                }
                of.forEach((to, o) -> {
                    if (o.result() != Delivery.Result.SENT) {
                        LOG.info(() -> "Outbox mail " + id + " to " + to + ": " + o.result() + " (" + o.reason() + ")");
                    }
                });
                took.smtp += took.since(s);
                outcomes.put(id, of);
                untried.remove(id);
                if (!reachable) {
                    // every other mail would wait for the same connection timeout: they go at the next round
                    break;
                }
                if (outcomes.size() >= RECORD_EVERY) {
                    record(outcomes, maxDelay, giveUpAfter, took);
                }
            }
            record(outcomes, maxDelay, giveUpAfter, took);
        } finally {
            if (!outcomes.isEmpty()) {
                // a failure while recording: these were sent; their lease brings them back, as after a crash
                LOG.warning(() -> "Outbox: outcomes of mails " + outcomes.keySet() + " not recorded");
            }
            if (!untried.isEmpty()) {
                rows.release(untried, until, clock.instant());
            }
        }
        return reachable;
    }

    private void record(Map<Long, Map<String, Delivery.Outcome>> outcomes, Duration maxDelay, Duration giveUpAfter,
            Took took) {
        long t = System.nanoTime();
        rows.attempted(outcomes, clock.instant(), maxDelay, giveUpAfter);
        outcomes.clear();
        took.record += took.since(t);
    }
}
