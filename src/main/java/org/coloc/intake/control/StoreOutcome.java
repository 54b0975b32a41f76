package org.coloc.intake.control;

/** What the database did with a fetched message; decides where it goes on the IMAP server. */
public enum StoreOutcome {
    /** newly stored and parsed */
    INGESTED,
    /** already stored before (re-delivery, restart, crash before the move): nothing added */
    DUPLICATE,
    /** stored with its raw bytes and the reason it could not be taken in */
    QUARANTINED
}
