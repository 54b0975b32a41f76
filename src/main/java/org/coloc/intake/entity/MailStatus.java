package org.coloc.intake.entity;

/** Whether a stored mail made it through parsing. */
public enum MailStatus {
    INGESTED("ingested"),
    QUARANTINED("quarantined");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
