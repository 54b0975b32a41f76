package org.coloc.intake.entity;

import org.coloc.platform.Labelled;

/** Whether a stored mail made it through parsing. */
public enum MailStatus implements Labelled {
    INGESTED,
    QUARANTINED;
}
