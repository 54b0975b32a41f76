package org.coloc.outbox.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a drain as soon as a transaction that queued mail has committed (an announcement to a thousand members
 * goes out at once, not at the next tick), on a thread of its own: never inside, nor on the thread of, the caller's
 * transaction. The two-second timer stays as the safety net.
 */
@ApplicationScoped
public class DrainKick {

    private static final Logger LOG = Logger.getLogger(DrainKick.class.getName());

    /** Fired once per transaction that queues mail. */
    public record MailQueued() {
    }

    @EJB
    OutboxSender sender;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        try {
            executor.execute(sender::kicked);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Outbox drain not started now; the timer starts it", e);
        }
    }
}
