package org.coloc.intake.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.platform.ColocConfig;

/** Reads the mailbox settings from configuration; without an IMAP host, they point at the built-in mailbox. */
@ApplicationScoped
public class MailboxSettingsProducer {

    @Inject
    ColocConfig config;

    @Inject
    LocalMailbox localMailbox;

    public MailboxSettings settings() {
        String address = config.colocAddress();
        boolean local = localMailbox.isWanted();
        return new MailboxSettings(
                local ? "127.0.0.1" : config.string("coloc.imap.host"),
                local ? localMailbox.imapPort() : config.integer("coloc.imap.port"),
                local ? "none" : config.string("coloc.imap.tls"),
                local ? address : config.optional("coloc.imap.user").orElse(address),
                local ? address : config.optional("coloc.imap.password").orElse(""),
                config.string("coloc.imap.folder"),
                config.string("coloc.imap.processed-folder"),
                config.string("coloc.imap.quarantine-folder"),
                Duration.ofSeconds(config.integer("coloc.imap.poll-interval-seconds")),
                config.bool("coloc.imap.idle"),
                config.longValue("coloc.imap.max-message-size"),
                config.integer("coloc.imap.batch-size"),
                Duration.ofSeconds(config.integer("coloc.imap.reconnect-max-seconds")));
    }
}
