package org.coloc.platform.mailbox;

import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;

/**
 * The built-in mailbox: wanted when no IMAP host is configured, listening on 127.0.0.1 at these two ports.
 */
public record LocalMailboxSettings(boolean wanted, int smtpPort, int imapPort) {

    public static final String IMAP_HOST = "coloc.imap.host";
    public static final String SMTP_PORT = "coloc.local-mailbox.smtp-port";
    public static final String IMAP_PORT = "coloc.local-mailbox.imap-port";

    public static LocalMailboxSettings read(SettingsReader in) {
        boolean wanted = !in.isSet(IMAP_HOST);
        int smtp = in.port(SMTP_PORT);
        int imap = in.port(IMAP_PORT);
        if (wanted && smtp == imap) {
            in.problem(SettingsProblem.name(SMTP_PORT) + " and " + SettingsProblem.name(IMAP_PORT)
                    + " are both " + smtp + ": the built-in mailbox needs two ports", SMTP_PORT, IMAP_PORT);
        }
        return new LocalMailboxSettings(wanted, smtp, imap);
    }
}
