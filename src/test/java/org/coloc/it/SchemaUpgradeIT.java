package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coloc.platform.MissingIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The versioned schema as an admin meets it: a Derby database made by coloc before issue 9 (the fixture
 * {@code schema/coloc-db-made-before-issue-9.zip}: a member, a host, a VM, an API token, two requests through the
 * built-in mailbox, an acknowledgement and an admin's reply) upgrades in place at the first start of this
 * version, keeps its data, gains the indexes it lacked; neither that start nor one on an empty data directory
 * logs a warning or a stack trace.
 */
class SchemaUpgradeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The API token the fixture's admin made (POST /api/tokens), as a script would still hold it. */
    private static final String FIXTURE_TOKEN = "coloc_BwQw-cxH7wgWvJW5sM-3VjQljnzScwmisDA5_AHW4yA";

    private static TestMailServer mail;

    @BeforeAll
    static void startMail() throws IOException {
        mail = new TestMailServer().start();
    }

    @AfterAll
    static void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aDatabaseMadeBeforeIssue9UpgradesInPlaceWithItsDataAndGainsItsIndexes() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "schema-upgrade-it-");
        unzipFixture(dataDir);
        ColocServer app = server("schema-upgrade", dataDir);
        app.start();
        String log;
        try {
            Api api = app.api();
            JsonObject members = api.getJson("/api/members");
            assertEquals(1, members.getInt("total"), members.toString());
            assertEquals("Vélo Libre", members.getJsonArray("items").getJsonObject(0).getString("displayName"));
            JsonObject vm = api.getJson("/api/vms/3");
            assertEquals("velo-web", vm.getString("name"));
            assertEquals("192.0.2.10", vm.getJsonArray("ipv4").getString(0));
            assertEquals("velo.example", vm.getJsonArray("domains").getJsonObject(0).getString("name"));
            assertEquals(2, api.getJson("/api/messages").getInt("total"));
            assertTrue(api.get("/api/messages/1/raw").text().contains("nous voudrions une VM Debian"));
            JsonObject first = api.getJson("/api/cases/1");
            assertEquals("waiting-requester", first.getString("state"));
            assertEquals(3, first.getJsonArray("messages").size(), "request, acknowledgement, reply: " + first);
            assertEquals(3, api.getJson("/api/outbox").getInt("total"), "two acknowledgements and a reply");
            assertEquals(200, api.withAuthorization("Bearer " + FIXTURE_TOKEN).get("/api/hosts").status(),
                    "the API token made before the upgrade still works");

            // new rows after the upgrade: ids from the old id table, case numbers after the old ones
            Api.Reply created = api.post("/api/members", "{\"displayName\": \"Chorale\", \"email\": \"chorale@example.org\"}");
            assertEquals(201, created.status(), created.text());
            assertTrue(created.json().getJsonNumber("id").longValue() > 3, created.text());
            mail.send(Mails.plain("after-upgrade@example.org", "carol@example.org", "Une VM de plus",
                    "Bonjour, une VM de plus ?"), "carol@example.org", TestMailServer.COLOC);
            JsonObject third = api.await("/api/cases?requester=carol@example.org", p -> p.getInt("total") == 1, WAIT)
                    .getJsonArray("items").getJsonObject(0);
            assertEquals(3, third.getInt("number"), "numbering goes on after the fixture's two cases");
        } finally {
            app.stop();
            log = app.logText();
        }
        assertNoWarning(log);

        assertEquals(List.of("1.1 BASELINE", "2 JDBC"), historyOfFullyIndexed(dataDir).subList(0, 2),
                "recognised as version 1.1 (both parts of the baseline), upgraded from there");
    }

    @Test
    void aFirstStartOnAnEmptyDataDirectoryMakesTheSchemaWithoutWarning() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "schema-fresh-it-");
        ColocServer app = server("schema-fresh", dataDir);
        app.start();
        String log;
        try {
            Api api = app.api();
            assertEquals(201, api.post("/api/hosts", "{\"name\": \"garage-1\", \"cores\": 8, \"memoryMiB\": 32768, "
                    + "\"storageGiB\": 1000}").status());
            mail.send(Mails.plain("fresh-1@example.org", "dora@example.org", "Bonjour", "Une VM ?"),
                    "dora@example.org", TestMailServer.COLOC);
            api.await("/api/cases", p -> p.getInt("total") == 1, WAIT);
        } finally {
            app.stop();
            log = app.logText();
        }
        assertNoWarning(log);
        List<String> history = historyOfFullyIndexed(dataDir);
        assertEquals(List.of("1 SQL", "1.1 SQL", "2 JDBC"), history.subList(0, 3), history.toString());
    }

    private static ColocServer server(String name, Path dataDir) {
        // a root directory of its own: in the temporary directory, Payara Micro warns it could be cleaned away
        return new ColocServer(name, dataDir).mailbox(mail).option("--rootdir", dataDir.resolve("payara").toString());
    }

    /** No line of the start's log is a warning, an error or a stack trace. */
    private static void assertNoWarning(String log) {
        List<String> bad = log.lines().filter(l -> l.contains("WARNING") || l.contains("SEVERE")
                || l.contains("Exception") || l.trim().startsWith("at ")).toList();
        assertEquals(List.of(), bad, "the server log has warnings");
    }

    private static void unzipFixture(Path dataDir) throws IOException {
        try (InputStream in = SchemaUpgradeIT.class.getResourceAsStream("/schema/coloc-db-made-before-issue-9.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = dataDir.resolve(e.getName()).normalize();
                if (!target.startsWith(dataDir)) {
                    throw new IOException("entry outside the data directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** The application's Derby database, opened in this JVM once the server has stopped. */
    private static EmbeddedDataSource derby(Path dataDir) {
        System.setProperty("derby.stream.error.file", dataDir.resolve("derby-test.log").toAbsolutePath().toString());
        EmbeddedDataSource d = new EmbeddedDataSource();
        d.setDatabaseName(dataDir.resolve("coloc-db").toAbsolutePath().toString());
        return d;
    }

    private static void shutDown(Path dataDir) {
        EmbeddedDataSource d = derby(dataDir);
        d.setShutdownDatabase("shutdown");
        try {
            d.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }

    /** The migration history of a stopped server's database, once it is checked to have every required index. */
    private static List<String> historyOfFullyIndexed(Path dataDir) throws SQLException {
        try (Connection c = derby(dataDir).getConnection(); Statement s = c.createStatement()) {
            Set<String> indexes = indexNames(c);
            for (MissingIndexes.RequiredIndex index : MissingIndexes.REQUIRED) {
                assertTrue(indexes.contains(index.name()), index.name() + " in " + indexes);
            }
            return history(s);
        } finally {
            shutDown(dataDir);
        }
    }

    private static Set<String> indexNames(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Set<String> names = new TreeSet<>();
        for (String table : MissingIndexes.REQUIRED.stream().map(MissingIndexes.RequiredIndex::table)
                .distinct().toList()) {
            try (ResultSet r = md.getIndexInfo(null, "APP", table, false, false)) {
                while (r.next()) {
                    if (r.getString("INDEX_NAME") != null) {
                        names.add(r.getString("INDEX_NAME"));
                    }
                }
            }
        }
        return names;
    }

    /** The applied migrations, oldest first, as "version type". */
    private static List<String> history(Statement s) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT \"version\", \"type\" FROM \"flyway_schema_history\" "
                + "ORDER BY \"installed_rank\"")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return rows;
    }
}
