package org.coloc.cases.entity;

import org.coloc.platform.Labelled;

/**
 * Which way an entry of a case's thread went. Stored (and shown by the API) as its label, the strings the
 * column held before it became an enum, so existing databases read unchanged ({@link MessageDirectionConverter}).
 */
public enum MessageDirection implements Labelled {
    /** A mail that came in: the requester's, a participant's, anybody's naming the case, an auto-reply, a bounce. */
    INCOMING,
    /** A mail from us: an acknowledgement, a closing, the admin's reply (from the API or his own mail client). */
    OUTGOING,
    /** An internal note: the admin's, or coloc's own remark (addresses left out of a Cc…); never mailed. */
    NOTE
}
