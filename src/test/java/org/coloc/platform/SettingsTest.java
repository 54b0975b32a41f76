package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start check: the shipped defaults plus what an admin sets (as a map of key to value) in, every problem
 * out, each naming its keys and their environment variables.
 */
class SettingsTest {

    /** The shipped defaults, as MicroProfile Config reads them (with its ${...} expressions resolved). */
    static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = SettingsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        Pattern expression = Pattern.compile("\\$\\{([^}]+)}");
        values.replaceAll((k, v) -> {
            Matcher m = expression.matcher(v);
            return m.replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
        });
        return values;
    }

    /** The defaults with these keys set (an empty value unsets a key, as for MicroProfile Config). */
    private static Settings.Read read(String... keysAndValues) {
        Map<String, String> values = defaults();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.read(SettingsReader.of(values));
    }

    private static List<SettingsProblem> problems(String... keysAndValues) {
        return read(keysAndValues).problems();
    }

    /** Exactly one problem, about exactly these keys; its text names each key and its environment variable. */
    private static SettingsProblem onlyProblem(List<SettingsProblem> problems, String... keys) {
        assertEquals(1, problems.size(), problems.toString());
        SettingsProblem p = problems.get(0);
        assertEquals(List.of(keys), p.keys());
        for (String key : keys) {
            assertTrue(p.text().contains(key), p.text());
            assertTrue(p.text().contains(SettingsProblem.environmentVariable(key)), p.text());
        }
        return p;
    }

    private static final String[] REAL_SERVERS = {"coloc.address", "coloc@example.org",
        "coloc.imap.host", "imap.example.org", "coloc.smtp.host", "smtp.example.org"};

    private static String[] withServers(String... more) {
        String[] all = new String[REAL_SERVERS.length + more.length];
        System.arraycopy(REAL_SERVERS, 0, all, 0, REAL_SERVERS.length);
        System.arraycopy(more, 0, all, REAL_SERVERS.length, more.length);
        return all;
    }

    @Test
    void theShippedDefaultsStartOnTheBuiltInMailbox() {
        Settings.Read read = read();
        assertTrue(read.ok(), read.problems().toString());
        Settings s = read.settings();
        assertEquals("coloc@localhost", s.coloc().address());
        assertEquals(ZoneId.of("Europe/Paris"), s.coloc().timezone());
        assertEquals("fr", s.coloc().adminLanguage());
        assertEquals("coloc@localhost", s.coloc().adminReportAddress());
        assertFalse(s.coloc().clockControl());
        assertTrue(s.localMailbox().wanted());
        assertEquals(3025, s.localMailbox().smtpPort());
        assertEquals(3143, s.localMailbox().imapPort());
        assertEquals("127.0.0.1", s.mailbox().host());
        assertEquals(3143, s.mailbox().port());
        assertEquals(TlsMode.NONE, s.mailbox().tls());
        assertEquals("coloc@localhost", s.mailbox().user());
        assertEquals(Duration.ofSeconds(60), s.mailbox().pollInterval());
        assertEquals(Duration.ofSeconds(10), s.mailbox().parseTimeout());
        assertEquals(26_214_400L, s.mailbox().maxMessageBytes());
        assertTrue(s.smtp().local());
        assertEquals(3025, s.smtp().port());
        assertEquals(Duration.ofDays(5), s.outbox().giveUpAfter());
        assertEquals(Duration.ofSeconds(60), s.outbox().maxRetryDelay());
        assertEquals(Duration.ofHours(24), s.cases().ackWindow());
        assertEquals(Duration.ofDays(21), s.cases().closeAfter());
        assertEquals(50, s.cases().maxParticipants());
        assertEquals(Optional.empty(), s.cases().authservId());
        assertEquals(14, s.inventory().certificateWarnDays());
        assertEquals(Duration.ofSeconds(300), s.auth().failureWindow());
        assertTrue(s.auth().trustedProxies().isEmpty());
        assertTrue(s.database().url().isEmpty());
        assertTrue(s.database().derbyDatabase().isAbsolute());
        assertTrue(s.database().derbyDatabase().endsWith("data/coloc-db"), s.database().derbyDatabase().toString());
    }

    @Test
    void imapHostWithoutSmtpHostIsRefused() {
        SettingsProblem p = onlyProblem(problems("coloc.imap.host", "imap.example.org"),
                "coloc.imap.host", "coloc.smtp.host");
        assertTrue(p.text().contains("built-in mailbox"), p.text());
    }

    @Test
    void realImapAndSmtpServersAreTakenAsConfigured() {
        Settings.Read read = read(withServers("coloc.imap.tls", "STARTTLS", "coloc.imap.port", "143",
                "coloc.imap.password", "secret", "coloc.smtp.user", "coloc@example.org", "coloc.smtp.password", " pw ",
                "coloc.smtp.tls", "tls", "coloc.smtp.port", "465"));
        assertTrue(read.ok(), read.problems().toString());
        Settings s = read.settings();
        assertFalse(s.localMailbox().wanted());
        assertEquals("imap.example.org", s.mailbox().host());
        assertEquals(143, s.mailbox().port());
        assertEquals(TlsMode.STARTTLS, s.mailbox().tls());
        assertEquals("coloc@example.org", s.mailbox().user(), "the IMAP user defaults to the coloc address");
        assertEquals("secret", s.mailbox().password());
        assertFalse(s.smtp().local());
        assertEquals("smtp.example.org", s.smtp().host());
        assertEquals(465, s.smtp().port());
        assertEquals(TlsMode.TLS, s.smtp().tls());
        assertEquals("smtps", s.smtp().protocol());
        assertEquals(Optional.of("coloc@example.org"), s.smtp().user());
    }

    @Test
    void anSmtpServerWithTheBuiltInMailboxForIntakeIsFine() {
        Settings.Read read = read("coloc.smtp.host", "smtp.example.org");
        assertTrue(read.ok(), read.problems().toString());
        assertTrue(read.settings().localMailbox().wanted());
        assertFalse(read.settings().smtp().local());
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.tls, ssl", "coloc.smtp.tls, ssl", "coloc.smtp.tls, yes", "coloc.imap.tls, start-tls"})
    void anUnknownTlsModeIsRefused(String key, String value) {
        SettingsProblem p = onlyProblem(problems(withServers(key, value)), key);
        assertTrue(p.text().contains("tls, starttls or none"), p.text());
        assertTrue(p.text().contains("'" + value + "'"), p.text());
    }

    @Test
    void anUnknownTlsModeIsRefusedEvenWhileTheBuiltInMailboxServes() {
        onlyProblem(problems("coloc.imap.tls", "ssl"), "coloc.imap.tls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Pariss", "Paris", "CEST+2", "Mars/Olympus"})
    void anUnknownTimeZoneIsRefused(String zone) {
        SettingsProblem p = onlyProblem(problems("coloc.timezone", zone), "coloc.timezone");
        assertTrue(p.text().contains(zone), p.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "UTC", "Europe/Paris", "+02:00"})
    void aKnownTimeZoneIsTaken(String zone) {
        Settings.Read read = read("coloc.timezone", zone);
        assertTrue(read.ok(), read.problems().toString());
        assertEquals(ZoneId.of(zone), read.settings().coloc().timezone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"coloc", "coloc@", "@example.org", "Coloc <coloc@example.org>", "coloc@exa mple.org",
        "coloc@example.org,admin@example.org"})
    void aColocAddressThatIsNoAddressIsRefused(String address) {
        SettingsProblem p = onlyProblem(problems("coloc.address", address), "coloc.address");
        assertTrue(p.text().contains("'" + address + "'"), p.text());
    }

    @Test
    void anAdminAddressThatIsNoAddressIsRefused() {
        onlyProblem(problems("coloc.admin.email", "the admin"), "coloc.admin.email");
        Settings.Read read = read("coloc.admin.email", "owner@example.org");
        assertEquals("owner@example.org", read.orThrow().coloc().adminReportAddress());
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.port, 0", "coloc.imap.port, 65536", "coloc.smtp.port, -25", "coloc.smtp.port, 99999",
        "coloc.local-mailbox.smtp-port, 70000", "coloc.local-mailbox.imap-port, 0"})
    void aPortOutOfRangeIsRefused(String key, String port) {
        SettingsProblem p = onlyProblem(problems(withServers(key, port)), key);
        assertTrue(p.text().contains("between 1 and 65535"), p.text());
        assertTrue(p.text().contains(port), p.text());
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.port, 993x", "coloc.smtp.port, five", "coloc.imap.batch-size, 2.5",
        "coloc.cases.max-participants, 5O", "coloc.imap.max-message-size, 25MB"})
    void aNumberThatIsNoNumberIsRefused(String key, String value) {
        SettingsProblem p = onlyProblem(problems(withServers(key, value)), key);
        assertTrue(p.text().contains("whole number"), p.text());
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.batch-size, 0", "coloc.imap.poll-interval-seconds, 0", "coloc.imap.max-message-size, -1",
        "coloc.imap.parse-timeout-seconds, 0", "coloc.imap.reconnect-max-seconds, -5", "coloc.cases.max-participants, 0",
        "coloc.cases.remind-after-days, 0", "coloc.cases.remind-every-days, 0", "coloc.cases.close-after-days, -1",
        "coloc.cases.ack-window-hours, 0", "coloc.cases.ack-limit, -1", "coloc.cases.ack-limit-per-hour, -3",
        "coloc.auth.max-failures-per-client, 0", "coloc.auth.max-failures, -1", "coloc.auth.failure-window-seconds, 0",
        "coloc.auth.token-cache-seconds, -1", "coloc.outbox.max-retry-seconds, 0", "coloc.certificates.warn-days, -1"})
    void aZeroOrNegativeCountIsRefused(String key, String value) {
        onlyProblem(problems(key, value), key);
    }

    @ParameterizedTest
    @CsvSource({"coloc.cases.ack-limit, 0", "coloc.cases.ack-limit-per-hour, 0", "coloc.auth.token-cache-seconds, 0",
        "coloc.certificates.warn-days, 0"})
    void zeroIsAllowedWhereItMeansNone(String key, String value) {
        Settings.Read read = read(key, value);
        assertTrue(read.ok(), read.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 days", "5D", "P5", "PT0S", "-P1D", "P0D"})
    void aWrongRetryDurationIsRefused(String value) {
        SettingsProblem p = onlyProblem(problems("coloc.outbox.give-up-after", value), "coloc.outbox.give-up-after");
        assertTrue(p.text().contains(value), p.text());
    }

    @Test
    void anIsoDurationIsTaken() {
        assertEquals(Duration.ofHours(12), read("coloc.outbox.give-up-after", "PT12H").orThrow().outbox().giveUpAfter());
    }

    @Test
    void anSmtpUserWithoutPasswordIsRefused() {
        SettingsProblem p = onlyProblem(problems(withServers("coloc.smtp.user", "coloc@example.org")),
                "coloc.smtp.user", "coloc.smtp.password");
        assertTrue(p.text().contains("empty password"), p.text());
    }

    @Test
    void anSmtpPasswordWithoutUserIsRefused() {
        onlyProblem(problems(withServers("coloc.smtp.password", "secret")), "coloc.smtp.user", "coloc.smtp.password");
    }

    @Test
    void theSmtpPasswordIsReadAsGivenButTrimmed() {
        // as before: configuration values are trimmed (only the database password is kept exactly)
        Settings s = read(withServers("coloc.smtp.user", "u", "coloc.smtp.password", " pw ", "coloc.db.url",
                "jdbc:postgresql://127.0.0.1/coloc", "coloc.db.password", " db pw ")).orThrow();
        assertEquals(Optional.of("pw"), s.smtp().password());
        assertEquals(Optional.of(" db pw "), s.database().password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "ture", "nein", "2"})
    void aBooleanThatIsNeitherIsRefused(String value) {
        SettingsProblem p = onlyProblem(problems("coloc.imap.idle", value), "coloc.imap.idle");
        assertTrue(p.text().contains("true or false"), p.text());
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "yes, true", "on, true", "1, true", "false, false", "no, false",
        "off, false", "0, false"})
    void theBooleansMicroProfileConfigReadsAreTaken(String value, boolean expected) {
        assertEquals(expected, read("coloc.imap.idle", value).orThrow().mailbox().useIdle());
        assertEquals(expected, read("coloc.clock-control", value).orThrow().coloc().clockControl());
    }

    @Test
    void theBuiltInMailboxNeedsTwoPorts() {
        onlyProblem(problems("coloc.local-mailbox.smtp-port", "3143"), "coloc.local-mailbox.smtp-port",
                "coloc.local-mailbox.imap-port");
        // with a real IMAP server the built-in mailbox does not run: its ports do not matter
        assertTrue(read(withServers("coloc.local-mailbox.smtp-port", "3143")).ok());
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.processed-folder, INBOX", "coloc.imap.quarantine-folder, inbox",
        "coloc.imap.quarantine-folder, Coloc-Processed"})
    void theWatchedProcessedAndQuarantineFoldersMustDiffer(String key, String folder) {
        SettingsProblem p = onlyProblem(problems(withServers(key, folder)), "coloc.imap.folder",
                "coloc.imap.processed-folder", "coloc.imap.quarantine-folder");
        assertTrue(p.text().contains("three different folders"), p.text());
    }

    /** A trusted proxy that is no address or network; an admin language other than French or English. */
    @ParameterizedTest
    @CsvSource({"coloc.auth.trusted-proxies, proxy.example.org", "coloc.auth.trusted-proxies, 10.0.0.0/33",
        "coloc.auth.trusted-proxies, '127.0.0.1, 300.1.1.1'",
        "coloc.admin.language, de", "coloc.admin.language, english", "coloc.admin.language, fr_FR"})
    void aValueOutsideWhatTheSettingKnowsIsRefused(String key, String value) {
        onlyProblem(problems(key, value), key);
    }

    @Test
    void trustedProxiesAreTaken() {
        Settings s = read("coloc.auth.trusted-proxies", "127.0.0.1, 10.0.0.0/8").orThrow();
        assertFalse(s.auth().trustedProxies().isEmpty());
    }

    @Test
    void theAdminLanguageIsReadInAnyCase() {
        assertEquals("en", read("coloc.admin.language", "EN").orThrow().coloc().adminLanguage());
    }

    @Test
    void aDatabaseUrlThatIsNoJdbcUrlIsRefusedWithoutShowingItsPassword() {
        SettingsProblem p = onlyProblem(problems("coloc.db.url", "postgresql://db/coloc?password=hunter2"),
                "coloc.db.url");
        assertFalse(p.text().contains("hunter2"), p.text());
        Settings s = read("coloc.db.url", "jdbc:postgresql://db/coloc", "coloc.db.user", "coloc").orThrow();
        assertEquals(Optional.of("jdbc:postgresql://db/coloc"), s.database().url());
    }

    @Test
    void aMissingDefaultIsNamed() {
        Map<String, String> values = defaults();
        values.remove("coloc.imap.folder");
        onlyProblem(Settings.read(SettingsReader.of(values)).problems(), "coloc.imap.folder");
        onlyProblem(problems("coloc.timezone", "   "), "coloc.timezone");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Settings.Read read = read("coloc.address", "coloc", "coloc.imap.host", "imap.example.org",
                "coloc.imap.tls", "ssl", "coloc.timezone", "Paris", "coloc.imap.port", "99999",
                "coloc.cases.max-participants", "0", "coloc.outbox.give-up-after", "5 days");
        List<String> keys = read.problems().stream().flatMap(p -> p.keys().stream()).collect(Collectors.toList());
        assertEquals(List.of("coloc.address", "coloc.timezone", "coloc.imap.port", "coloc.imap.tls",
                "coloc.imap.host", "coloc.smtp.host", "coloc.outbox.give-up-after", "coloc.cases.max-participants"),
                keys);
        IllegalStateException e = assertThrows(IllegalStateException.class, read::orThrow);
        String message = e.getMessage();
        assertTrue(message.startsWith("coloc refuses to start: 7 settings are wrong.\n"), message);
        for (SettingsProblem p : read.problems()) {
            assertTrue(message.contains("\n  - " + p.text() + "\n"), message);
        }
    }

    @Test
    void oneProblemIsSaidInTheSingular() {
        String message = SettingsProblem.message(problems("coloc.timezone", "Paris"));
        assertTrue(message.startsWith("coloc refuses to start: 1 setting is wrong.\n  - coloc.timezone (COLOC_TIMEZONE)"),
                message);
    }

    @ParameterizedTest
    @CsvSource({"coloc.imap.host, COLOC_IMAP_HOST", "coloc.local-mailbox.smtp-port, COLOC_LOCAL_MAILBOX_SMTP_PORT",
        "coloc.clock-control, COLOC_CLOCK_CONTROL", "coloc.mail.authserv-id, COLOC_MAIL_AUTHSERV_ID"})
    void eachKeyIsNamedWithItsEnvironmentVariable(String key, String variable) {
        assertEquals(variable, SettingsProblem.environmentVariable(key));
        assertEquals(key + " (" + variable + ")", SettingsProblem.name(key));
    }
}
