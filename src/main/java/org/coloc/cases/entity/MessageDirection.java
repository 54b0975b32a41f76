package org.coloc.cases.entity;

/**
 * Which way an entry of a case's thread went. Stored (and shown by the API) as its label, the strings the
 * column held before it became an enum, so existing databases read unchanged ({@link MessageDirectionConverter}).
 */
public enum MessageDirection {
    /** A mail that came in: the requester's, a participant's, anybody's naming the case, an auto-reply, a bounce. */
    INCOMING("incoming"),
    /** A mail from us: an acknowledgement, a closing, the admin's reply (from the API or his own mail client). */
    OUTGOING("outgoing"),
    /** An internal note: the admin's, or coloc's own remark (addresses left out of a Cc…); never mailed. */
    NOTE("note");

    private final String label;

    MessageDirection(String label) {
        this.label = label;
    }

    /** The name used in the API and the database. */
    public String label() {
        return label;
    }

    public static MessageDirection fromLabel(String label) {
        for (MessageDirection d : values()) {
            if (d.label.equalsIgnoreCase(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown message direction: " + label);
    }
}
