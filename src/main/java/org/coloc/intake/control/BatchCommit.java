package org.coloc.intake.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits one fetched batch: in one transaction; if that fails, mail by mail, so that a mail the database
 * refuses is quarantined alone and never blocks the others. A passing database failure (see
 * {@link StoreFailures}) quarantines nothing: the mails not yet stored stay in the inbox and the whole rest is
 * tried again later. Pure code over a {@link Store}.
 */
public final class BatchCommit {

    private static final Logger LOG = Logger.getLogger(BatchCommit.class.getName());

    /** The database side, as a batch commit sees it (the IntakeStore bean, or a fake in tests). */
    public interface Store {
        Map<Long, StoreOutcome> storeBatch(List<FetchedMail> batch);

        StoreOutcome storeQuarantined(FetchedMail mail, String reason);
    }

    /**
     * What became of a batch. Mails absent from {@code outcomes} were not stored and must stay where they are;
     * {@code interruption} then says why (a passing database failure), else it is null.
     */
    public record Committed(Map<Long, StoreOutcome> outcomes, RuntimeException interruption) {
    }

    private BatchCommit() {
    }

    public static Committed commit(Store store, List<FetchedMail> fetched) {
        try {
            return new Committed(store.storeBatch(fetched), null);
        } catch (RuntimeException batchFailed) {
            LOG.log(Level.WARNING, "Batch of " + fetched.size() + " mails failed to commit (" + rootCause(batchFailed)
                    + "); storing them one by one");
        }
        Map<Long, StoreOutcome> outcomes = new LinkedHashMap<>();
        for (FetchedMail m : fetched) {
            try {
                outcomes.putAll(store.storeBatch(List.of(m)));
            } catch (RuntimeException single) {
                if (StoreFailures.isTransient(single)) {
                    LOG.log(Level.WARNING, "Mail UID " + m.uid() + " not stored for now (" + rootCause(single)
                            + "): it and the mails after it stay in the inbox and are tried again");
                    return new Committed(outcomes, single);
                }
                String reason = "storing failed: " + rootCause(single);
                LOG.log(Level.WARNING, "Mail UID " + m.uid() + " quarantined: " + reason);
                try {
                    outcomes.put(m.uid(), store.storeQuarantined(m, reason));
                } catch (RuntimeException quarantineFailed) {
                    // not even the raw bytes go in: the database itself is in trouble; leave the rest in the inbox
                    return new Committed(outcomes, quarantineFailed);
                }
            }
        }
        return new Committed(outcomes, null);
    }

    public static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
