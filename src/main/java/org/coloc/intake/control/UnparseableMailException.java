package org.coloc.intake.control;

/** A mail the parser rejects; the message says why, in words an admin understands. */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String reason) {
        super(reason);
    }

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
