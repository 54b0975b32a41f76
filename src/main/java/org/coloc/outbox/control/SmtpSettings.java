package org.coloc.outbox.control;

import java.util.Optional;
import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;
import org.coloc.platform.TlsMode;
import org.coloc.platform.mailbox.LocalMailboxSettings;

/**
 * Where outgoing mail goes: the configured SMTP server, or, when no SMTP host is set, the built-in mailbox
 * (plain SMTP on 127.0.0.1, no login).
 *
 * @param local true when mail goes to the built-in mailbox
 * @param user the login, if any; then {@code password} is set too
 */
public record SmtpSettings(boolean local, String host, int port, TlsMode tls, Optional<String> user,
        Optional<String> password) {

    public static final String HOST = "coloc.smtp.host";
    public static final String PORT = "coloc.smtp.port";
    public static final String TLS = "coloc.smtp.tls";
    public static final String USER = "coloc.smtp.user";
    public static final String PASSWORD = "coloc.smtp.password";

    public static SmtpSettings read(SettingsReader in, LocalMailboxSettings localMailbox) {
        Optional<String> host = in.optional(HOST);
        int port = in.port(PORT);
        TlsMode tls = in.oneOf(TLS, TlsMode.class);
        Optional<String> user = in.optional(USER);
        Optional<String> password = in.optional(PASSWORD);
        if (host.isEmpty() && !localMailbox.wanted()) {
            in.problem(SettingsProblem.name(LocalMailboxSettings.IMAP_HOST) + " is set but " + SettingsProblem.name(HOST)
                    + " is not: outgoing mail would go to the built-in mailbox, which runs only without an IMAP host,"
                    + " and be retried forever. Set " + SettingsProblem.environmentVariable(HOST) + " (and "
                    + SettingsProblem.environmentVariable(USER) + ", " + SettingsProblem.environmentVariable(PASSWORD)
                    + " if it asks for a login), or unset " + SettingsProblem.environmentVariable(
                            LocalMailboxSettings.IMAP_HOST) + " to use the built-in mailbox for both",
                    LocalMailboxSettings.IMAP_HOST, HOST);
        }
        if (host.isPresent() && user.isPresent() && password.isEmpty()) {
            in.problem(SettingsProblem.name(USER) + " is set but " + SettingsProblem.name(PASSWORD)
                    + " is not: the SMTP login would be tried with an empty password", USER, PASSWORD);
        }
        if (host.isPresent() && user.isEmpty() && password.isPresent()) {
            in.problem(SettingsProblem.name(PASSWORD) + " is set but " + SettingsProblem.name(USER)
                    + " is not: without a user coloc sends without logging in and the password is never used",
                    USER, PASSWORD);
        }
        if (host.isEmpty()) {
            return new SmtpSettings(true, "127.0.0.1", localMailbox.smtpPort(), TlsMode.NONE, Optional.empty(),
                    Optional.empty());
        }
        return new SmtpSettings(false, host.get(), port, tls, user, user.isPresent() ? password : Optional.empty());
    }

    public String protocol() {
        return tls == TlsMode.TLS ? "smtps" : "smtp";
    }
}
