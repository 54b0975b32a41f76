package org.coloc.platform;

/**
 * What an area sweeps of the deadlines it stores with its records (reminders, closings, the steps of a
 * maintenance). {@link Sweeps} runs every one, every minute and whenever the test clock moves; an
 * implementation is a session bean, so that its sweep runs in its own transaction.
 */
public interface Sweep {

    /** Does what has fallen due by now; safe to run again at any time (what is done is stored as done). */
    void sweep();

    /** How the log names it when it fails, e.g. {@code "Case deadline"}. */
    String what();
}
