package org.coloc.incontainer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.UserTransaction;

/**
 * Test-only, deployed with every in-container test: a test's own transaction around what the application does in
 * one (queueing a mail, firing an event its observers take part in).
 */
@Dependent
public class Transactions {

    /** What runs in the transaction; its result, if any, is returned once committed. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    /** Runs {@code work} and commits; rolls back whatever it throws, and throws it again. */
    <T> T inTransaction(Work<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.run();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }
}
