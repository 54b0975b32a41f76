package org.coloc.intake.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Everything needed to reach and use the watched IMAP mailbox. {@code tls} is one of {@code tls}
 * (implicit TLS, usually port 993), {@code starttls} (required upgrade) or {@code none}.
 */
public record MailboxSettings(
        String host,
        int port,
        String tls,
        String user,
        String password,
        String folder,
        String processedFolder,
        String quarantineFolder,
        Duration pollInterval,
        boolean useIdle,
        long maxMessageBytes,
        int batchSize,
        Duration reconnectMax) {

    public MailboxSettings {
        tls = tls == null ? "tls" : tls.toLowerCase(Locale.ROOT);
        if (!tls.equals("tls") && !tls.equals("starttls") && !tls.equals("none")) {
            throw new IllegalArgumentException("coloc.imap.tls must be tls, starttls or none, not " + tls);
        }
    }

    /** A stable name for checkpoints: which folder of which account on which server. */
    public String mailboxKey() {
        return user + "@" + host + ":" + port + "/" + folder;
    }

    public String protocol() {
        return tls.equals("tls") ? "imaps" : "imap";
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
        if (tls.equals("starttls")) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        return props;
    }

    /** For logs: never the password. */
    public String describe() {
        return user + " on " + host + ":" + port + " (" + tls + "), folder " + folder;
    }
}
