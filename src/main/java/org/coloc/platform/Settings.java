package org.coloc.platform;

import java.util.List;
import org.coloc.cases.control.CaseSettings;
import org.coloc.comments.control.CommentSettings;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.live.control.LiveSettings;
import org.coloc.inventory.control.InventorySettings;
import org.coloc.maintenance.control.MaintenanceSettings;
import org.coloc.outbox.control.OutboxSettings;
import org.coloc.outbox.control.SmtpSettings;
import org.coloc.platform.mailbox.LocalMailboxSettings;

/**
 * Every setting of the application, read once and typed, one record per area. Reading them all in one go is
 * what lets a wrong start name every problem at once, including those that involve two areas (an IMAP host
 * without an SMTP host). Pure: built from any {@link SettingsReader}.
 */
public record Settings(ColocSettings coloc, DatabaseSettings database, AuthSettings auth,
        LocalMailboxSettings localMailbox, MailboxSettings mailbox, SmtpSettings smtp, OutboxSettings outbox,
        CaseSettings cases, InventorySettings inventory, MaintenanceSettings maintenance, CommentSettings comments,
        LiveSettings live) {

    /** The settings and what is wrong with them; the settings are only usable when there are no problems. */
    public record Read(Settings settings, List<SettingsProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The settings, or an exception carrying the one message that names every problem. */
        public Settings orThrow() {
            if (!ok()) {
                throw new IllegalStateException(SettingsProblem.message(problems));
            }
            return settings;
        }
    }

    public static Read read(SettingsReader in) {
        ColocSettings coloc = ColocSettings.read(in);
        LocalMailboxSettings local = LocalMailboxSettings.read(in);
        Settings settings = new Settings(coloc, DatabaseSettings.read(in), AuthSettings.read(in), local,
                MailboxSettings.read(in, coloc, local), SmtpSettings.read(in, local), OutboxSettings.read(in),
                CaseSettings.read(in), InventorySettings.read(in), MaintenanceSettings.read(in),
                CommentSettings.read(in, coloc.address()), LiveSettings.read(in));
        return new Read(settings, in.problems());
    }
}
