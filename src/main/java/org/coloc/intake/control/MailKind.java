package org.coloc.intake.control;

import org.coloc.platform.Labelled;

/** What kind of sender is behind a mail; decides whether anything may ever answer it. */
public enum MailKind implements Labelled {
    HUMAN,
    AUTO_REPLY,
    BOUNCE,
    LIST,
    LOOP;

    /** The constant of this label, in any case; an IllegalArgumentException for none. */
    public static MailKind fromLabel(String label) {
        return Labelled.parse(MailKind.class, label);
    }
}
