package org.coloc.cases.entity;

/** Where a case stands; the labels are the API's. */
public enum CaseState {
    NEW("new"),
    WAITING_ADMIN("waiting-admin"),
    WAITING_REQUESTER("waiting-requester"),
    CLOSED("closed");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CaseState fromLabel(String label) {
        for (CaseState s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown case state: " + label);
    }
}
