package org.coloc.cases.entity;

import org.coloc.platform.Labelled;

/** Where a case stands; the labels are the API's. */
public enum CaseState implements Labelled {
    NEW,
    WAITING_ADMIN,
    WAITING_REQUESTER,
    CLOSED;

    /** The constant of this label, in any case; an IllegalArgumentException for none. */
    public static CaseState fromLabel(String label) {
        return Labelled.parse(CaseState.class, label);
    }
}
