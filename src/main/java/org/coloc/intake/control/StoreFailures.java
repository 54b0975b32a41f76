package org.coloc.intake.control;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a database failure that will pass (connection lost, lock timeout, deadlock, serialization failure,
 * the server shutting down or out of resources) from one caused by the mail itself. A mail that met a passing
 * failure stays in the inbox to be tried again; only a mail that is itself bad is quarantined. Pure code.
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    /** True when any cause in the chain is a failure that retrying later can cure. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.put(next, Boolean.TRUE) == null;
                        next = next.getNextException()) {
                    if (isTransientState(next.getSQLState())) {
                        return true;
                    }
                }
            }
            String name = t.getClass().getName();
            if (name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.PessimisticLockException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")
                    // the application server's pool could not hand out a connection
                    || name.endsWith(".PoolingException") || name.endsWith(".ResourceAllocationException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes and codes that mean "try again": 08 connection exceptions, 40 transaction rollbacks
     * (serialization failure 40001, deadlock 40P01, Derby's lock timeout 40XL1 and deadlock 40XL2), 53
     * insufficient resources, 57P0x server shutting down, 55P03 lock not available; Derby's 08006/XJ015
     * database shut down and XJ040 (could not boot, often a lock on the files).
     */
    static boolean isTransientState(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        String s = state.toUpperCase(Locale.ROOT);
        return s.startsWith("08") || s.startsWith("40") || s.startsWith("53") || s.startsWith("57P")
                || s.equals("55P03") || s.equals("XJ015") || s.equals("XJ040") || s.equals("57014");
    }
}
