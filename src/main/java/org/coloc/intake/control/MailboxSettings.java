package org.coloc.intake.control;

import java.time.Duration;
import java.util.Properties;
import org.coloc.platform.ColocSettings;
import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;
import org.coloc.platform.TlsMode;
import org.coloc.platform.mailbox.LocalMailboxSettings;

/**
 * Everything needed to reach and use the watched IMAP mailbox, and the limits of the intake: the largest mail
 * taken in and how long one mail's parse may take.
 */
public record MailboxSettings(
        String host,
        int port,
        TlsMode tls,
        String user,
        String password,
        String folder,
        String processedFolder,
        String quarantineFolder,
        Duration pollInterval,
        boolean useIdle,
        long maxMessageBytes,
        int batchSize,
        Duration reconnectMax,
        Duration parseTimeout) {

    public static final String HOST = "coloc.imap.host";
    public static final String PORT = "coloc.imap.port";
    public static final String TLS = "coloc.imap.tls";
    public static final String USER = "coloc.imap.user";
    public static final String PASSWORD = "coloc.imap.password";
    public static final String FOLDER = "coloc.imap.folder";
    public static final String PROCESSED_FOLDER = "coloc.imap.processed-folder";
    public static final String QUARANTINE_FOLDER = "coloc.imap.quarantine-folder";
    public static final String POLL_INTERVAL = "coloc.imap.poll-interval-seconds";
    public static final String IDLE = "coloc.imap.idle";
    public static final String MAX_MESSAGE_SIZE = "coloc.imap.max-message-size";
    public static final String BATCH_SIZE = "coloc.imap.batch-size";
    public static final String RECONNECT_MAX = "coloc.imap.reconnect-max-seconds";
    public static final String PARSE_TIMEOUT = "coloc.imap.parse-timeout-seconds";

    public MailboxSettings {
        tls = tls == null ? TlsMode.TLS : tls;
    }

    /** Without an IMAP host, the settings point at the built-in mailbox (plain IMAP on 127.0.0.1). */
    public static MailboxSettings read(SettingsReader in, ColocSettings coloc, LocalMailboxSettings local) {
        String address = coloc.address();
        boolean builtIn = local.wanted();
        // read even when the built-in mailbox serves, so a wrong value is reported before it is ever used
        int port = in.port(PORT);
        TlsMode tls = in.oneOf(TLS, TlsMode.class);
        String folder = in.string(FOLDER);
        String processed = in.string(PROCESSED_FOLDER);
        String quarantine = in.string(QUARANTINE_FOLDER);
        if (!folder.isEmpty() && (folder.equalsIgnoreCase(processed) || folder.equalsIgnoreCase(quarantine)
                || processed.equalsIgnoreCase(quarantine))) {
            in.problem(SettingsProblem.name(FOLDER) + ", " + SettingsProblem.name(PROCESSED_FOLDER) + " and "
                    + SettingsProblem.name(QUARANTINE_FOLDER) + " must be three different folders (" + folder + ", "
                    + processed + ", " + quarantine + "): mail moved out of the watched folder would come back",
                    FOLDER, PROCESSED_FOLDER, QUARANTINE_FOLDER);
        }
        return new MailboxSettings(
                builtIn ? "127.0.0.1" : in.optional(HOST).orElse(""),
                builtIn ? local.imapPort() : port,
                builtIn ? TlsMode.NONE : tls,
                builtIn ? address : in.optional(USER).orElse(address),
                builtIn ? address : in.optional(PASSWORD).orElse(""),
                folder,
                processed,
                quarantine,
                in.seconds(POLL_INTERVAL, 1),
                in.bool(IDLE),
                in.number(MAX_MESSAGE_SIZE, 1, Long.MAX_VALUE),
                in.integer(BATCH_SIZE, 1, Integer.MAX_VALUE),
                in.seconds(RECONNECT_MAX, 1),
                in.seconds(PARSE_TIMEOUT, 1));
    }

    /** A stable name for checkpoints: which folder of which account on which server. */
    public String mailboxKey() {
        return user + "@" + host + ":" + port + "/" + folder;
    }

    public String protocol() {
        return tls == TlsMode.TLS ? "imaps" : "imap";
    }

    /** Jakarta Mail session properties; timeouts keep a dead server from hanging the intake thread. */
    public Properties sessionProperties() {
        String p = "mail." + protocol() + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", "15000");
        // longer than any IDLE wait: the watcher wakes IDLE itself at every poll interval
        props.setProperty(p + "timeout", Long.toString(Math.max(120_000, pollInterval.toMillis() * 3)));
        props.setProperty(p + "writetimeout", "60000");
        props.setProperty(p + "partialfetch", "false");
        if (tls == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        return props;
    }

    /** For logs: never the password. */
    public String describe() {
        return user + " on " + host + ":" + port + " (" + tls.id() + "), folder " + folder;
    }
}
