package org.coloc.outbox.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.control.SmtpSender;
import org.coloc.outbox.entity.OutboxMail;
import org.coloc.platform.ColocConfig;

/**
 * Drains the outbox every two seconds: each due mail is sent over SMTP, then marked sent; a failure leaves it
 * pending with a growing delay (up to {@code coloc.outbox.max-retry-seconds}). When SMTP is down nothing is
 * lost; when it is back every pending mail goes out. A crash between the SMTP answer and the mark would send
 * that one mail again, with the same Message-ID, so mail clients show it once. Each mail is claimed before it
 * is sent, so several instances on one database never send the same mail twice.
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
    ColocConfig config;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "outbox drain")
    void drain() {
        List<Long> due = rows.due(clock.instant());
        Duration maxDelay = Duration.ofSeconds(config.integer("coloc.outbox.max-retry-seconds"));
        for (Long id : due) {
            Instant now = clock.instant();
            if (!rows.claim(id, now, now.plus(LEASE))) {
                // another instance took it (several instances on one database)
                continue;
            }
            OutboxMail mail = rows.find(id);
            if (mail == null || !"pending".equals(mail.getStatus())) {
                continue;
            }
            try {
                smtp.send(new OutgoingMail(mail.getMessageId(), mail.getTo(), mail.getSubject(), mail.getBody(),
                        mail.getInReplyTo(), mail.getReferences(), mail.getAutoSubmitted()));
                rows.markSent(id, clock.instant());
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox mail " + id + " not sent (" + e + "); will retry");
                rows.markFailed(id, String.valueOf(e.getMessage()), clock.instant(), maxDelay);
                // the SMTP server is likely down: the others wait for the next round
                break;
            }
        }
    }
}
