package org.coloc.outbox.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.outbox.control.Delivery;
import org.coloc.outbox.control.OutboxSettings;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.control.SmtpSender;

/**
 * Drains the outbox every two seconds: each due mail is sent over SMTP and each recipient marked with what
 * the server said. A refusal for good (5xx, malformed address) fails that recipient at once; a temporary one
 * leaves it queued with a growing delay (up to {@code coloc.outbox.max-retry-seconds}) until
 * {@code coloc.outbox.give-up-after}. A failing mail never holds back the next one; only a server that cannot
 * be reached ends the round, since every other mail would meet it too. When SMTP is down nothing is lost;
 * when it is back every queued mail goes out. A crash between the SMTP answer and the mark would send that
 * one mail again, with the same Message-ID, so mail clients show it once. Each mail is claimed before it is
 * sent, so several instances on one database never send the same mail twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** How long a claimed mail stays with its sender: after a crash mid-send it is due again then. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    @EJB
    OutboxRows rows;

    @Inject
    SmtpSender smtp;

    @Inject
    Clock clock;

    @Inject
    OutboxSettings settings;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "outbox drain")
    void drain() {
        List<Long> due = rows.due(clock.instant());
        Duration maxDelay = settings.maxRetryDelay();
        Duration giveUpAfter = settings.giveUpAfter();
        for (Long id : due) {
            Instant now = clock.instant();
            if (!rows.claim(id, now, now.plus(LEASE))) {
                // another instance took it (several instances on one database), or the admin dropped it
                continue;
            }
            OutgoingMail mail = rows.pending(id);
            if (mail == null) {
                continue;
            }
            Map<String, Delivery.Outcome> outcomes;
            boolean unreachable = false;
            try {
                outcomes = smtp.send(mail);
            } catch (SmtpSender.Unreachable e) {
                LOG.log(Level.WARNING, "Outbox mail " + id + " not sent: SMTP server unreachable (" + e.getMessage()
                        + "); will retry");
                outcomes = Delivery.allDeferred(mail.to(), "SMTP server unreachable: " + e.getMessage());
                unreachable = true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox mail " + id + " not sent; will retry", e);
                outcomes = Delivery.allDeferred(mail.to(), String.valueOf(e));
            }
            outcomes.forEach((to, o) -> {
                if (o.result() != Delivery.Result.SENT) {
                    LOG.info(() -> "Outbox mail " + id + " to " + to + ": " + o.result() + " (" + o.reason() + ")");
                }
            });
            rows.attempted(id, outcomes, clock.instant(), maxDelay, giveUpAfter);
            if (unreachable) {
                // every other mail would wait for the same connection timeout: they go at the next round
                break;
            }
        }
    }
}
