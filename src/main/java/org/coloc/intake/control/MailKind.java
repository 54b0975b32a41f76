package org.coloc.intake.control;

/** What kind of sender is behind a mail; decides whether anything may ever answer it. */
public enum MailKind {
    HUMAN("human"),
    AUTO_REPLY("auto-reply"),
    BOUNCE("bounce"),
    LIST("list"),
    LOOP("loop");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    /** The name used in the API and the database. */
    public String label() {
        return label;
    }

    public static MailKind fromLabel(String label) {
        for (MailKind k : values()) {
            if (k.label.equalsIgnoreCase(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown classification: " + label);
    }
}
