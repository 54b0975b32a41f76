package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong settings stop the start: the shipped server, given an impossible configuration, logs one message
 * naming every wrong setting and its environment variable, and ends with exit code 78, instead of saying
 * "ready" and serving 404 (or, worse, running with it). Nothing has happened by then: no database created, no
 * mailbox watched.
 */
class StartCheckIT {

    /** EX_CONFIG, as {@code org.coloc.platform.StartCheck} ends the process. */
    private static final int REFUSED = 78;

    /** Starts the server, sees it refuse to start having done nothing, ends it and returns its log. */
    private static String refusedStart(ColocServer app) throws Exception {
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, app::start);
            assertTrue(e.getMessage().contains("exited during start"), e.getMessage());
            assertEquals(OptionalInt.of(REFUSED), app.awaitExit(Duration.ofSeconds(60)));
            String log = app.logText();
            assertFalse(log.contains("Watching mailbox"), log);
            assertFalse(log.contains("built-in local mailbox started"), log);
            assertFalse(log.contains("ready in"), log);
            assertFalse(Files.exists(app.dataDir().resolve("coloc-db")), "no database was created");
            return log;
        } finally {
            app.kill();
        }
    }

    @Test
    void anImapServerWithoutAnSmtpServerRefusesToStart(@TempDir Path data) throws Exception {
        // the README's "real IMAP server" setup, with the SMTP lines forgotten
        String log = refusedStart(new ColocServer("start-check-imap-without-smtp", data)
                .set("COLOC_ADDRESS", "coloc@example.org")
                .set("COLOC_IMAP_HOST", "127.0.0.1").set("COLOC_IMAP_TLS", "none")
                .set("COLOC_IMAP_PASSWORD", "secret"));
        assertTrue(log.contains("coloc refuses to start: 1 setting is wrong."), log);
        assertTrue(log.contains("coloc.imap.host (COLOC_IMAP_HOST) is set but coloc.smtp.host (COLOC_SMTP_HOST)"
                + " is not"), log);
    }

    @Test
    void everyWrongSettingIsNamedInTheOneMessage(@TempDir Path data) throws Exception {
        String log = refusedStart(new ColocServer("start-check-all-at-once", data)
                .set("COLOC_ADDRESS", "coloc")
                .set("COLOC_TIMEZONE", "Europe/Pariss")
                .set("COLOC_SMTP_HOST", "127.0.0.1").set("COLOC_SMTP_TLS", "ssl")
                .set("COLOC_LOCAL_MAILBOX_IMAP_PORT", "70000"));
        assertTrue(log.contains("coloc refuses to start: 4 settings are wrong."), log);
        for (String named : new String[] {"coloc.address (COLOC_ADDRESS)", "coloc.timezone (COLOC_TIMEZONE)",
            "coloc.smtp.tls (COLOC_SMTP_TLS)", "coloc.local-mailbox.imap-port (COLOC_LOCAL_MAILBOX_IMAP_PORT)"}) {
            assertTrue(log.contains("  - " + named), named + " in\n" + log);
        }
    }
}
