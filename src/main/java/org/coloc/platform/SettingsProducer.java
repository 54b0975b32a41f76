package org.coloc.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.coloc.cases.control.CaseSettings;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.inventory.control.InventorySettings;
import org.coloc.maintenance.control.MaintenanceSettings;
import org.coloc.comments.control.CommentSettings;
import org.coloc.live.control.LiveSettings;
import org.coloc.outbox.control.OutboxSettings;
import org.coloc.outbox.control.SmtpSettings;
import org.coloc.platform.mailbox.LocalMailboxSettings;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every setting once from MicroProfile Config and hands out each area's record ({@code @Inject
 * ColocSettings}, {@code @Inject MailboxSettings} …). Wrong settings never get this far: {@link StartCheck}
 * refuses the start before any bean is made.
 */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    private Settings settings;

    @PostConstruct
    void read() {
        settings = Settings.read(from(config)).orThrow();
    }

    /** MicroProfile Config as a settings source (blank values count as unset, as Config itself does). */
    static SettingsReader from(Config config) {
        return new SettingsReader(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    ColocSettings coloc() {
        return settings.coloc();
    }

    @Produces
    DatabaseSettings database() {
        return settings.database();
    }

    @Produces
    AuthSettings auth() {
        return settings.auth();
    }

    @Produces
    LocalMailboxSettings localMailbox() {
        return settings.localMailbox();
    }

    @Produces
    MailboxSettings mailbox() {
        return settings.mailbox();
    }

    @Produces
    SmtpSettings smtp() {
        return settings.smtp();
    }

    @Produces
    OutboxSettings outbox() {
        return settings.outbox();
    }

    @Produces
    CaseSettings cases() {
        return settings.cases();
    }

    @Produces
    InventorySettings inventory() {
        return settings.inventory();
    }

    @Produces
    MaintenanceSettings maintenance() {
        return settings.maintenance();
    }

    @Produces
    CommentSettings comments() {
        return settings.comments();
    }

    @Produces
    LiveSettings live() {
        return settings.live();
    }
}
