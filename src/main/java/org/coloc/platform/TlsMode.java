package org.coloc.platform;

import java.util.Locale;

/** How a mail connection is protected: implicit TLS (imaps/smtps), a required STARTTLS upgrade, or none. */
public enum TlsMode {
    TLS, STARTTLS, NONE;

    /** As written in the configuration and in logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
