package org.coloc.intake.control;

import org.coloc.platform.Labelled;

/** What kind of sender is behind a mail; decides whether anything may ever answer it. */
public enum MailKind implements Labelled {
    HUMAN,
    AUTO_REPLY,
    BOUNCE,
    LIST,
    LOOP
}
