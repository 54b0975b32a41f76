package org.coloc.it;

import static org.coloc.it.ColocApp.WAIT;
import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL instead of Derby is a configuration change ({@code COLOC_DB_URL}, user, password): the main flows
 * against a real PostgreSQL 16 (binaries from Maven Central, started by this test on 127.0.0.1), and the
 * tables, indexes and rows really land there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIT {

    private static final String DORA = "dora@example.org";
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;

    @RegisterExtension
    static final ColocApp app = ColocApp.named("postgres").withMailServer().withRelay()
            .set("COLOC_DB_USER", "coloc").set("COLOC_DB_PASSWORD", "it-pg")
            // these tests open more cases within the hour than the overall acknowledgement limit allows
            .set("COLOC_CASES_ACK_LIMIT_PER_HOUR", "1000")
            .beforeStart(PostgresIT::startPostgres).afterStop(PostgresIT::stopPostgres);
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();
    private static long member;
    private static long vm;

    private static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE coloc LOGIN PASSWORD 'it-pg'");
            s.execute("CREATE DATABASE coloc OWNER coloc");
        }
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/coloc";
        app.set("COLOC_DB_URL", jdbcUrl);
    }

    private static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aRequestBecomesACaseAnsweredByTheAdminAndHerAnswerComesBack() throws Exception {
        app.acknowledgementOf(1, Mails.plain("dora-1@example.org", "Dora <" + DORA + ">", "Une VM pour la chorale",
                "Bonjour, la chorale aimerait héberger son site. Est-ce possible ?"), DORA);

        Api.Reply reply = api.post("/api/cases/1/replies", "{\"text\": \"Bonjour Dora, oui : quelle taille de VM ?\"}");
        assertEquals(201, reply.status(), reply.text());
        MimeMessage answer = app.awaitMail(DORA, 2).get(1);
        assertTrue(answer.getSubject().contains("[coloc #1]"), answer.getSubject());

        app.send(("From: Dora <" + DORA + ">\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Re: "
                + answer.getSubject() + "\r\nMessage-ID: <dora-2@example.org>\r\nIn-Reply-To: " + answer.getMessageID()
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nUne petite : 1 Go suffira.\r\n\r\n"
                + "Le 21/11/2026, la coloc a écrit :\r\n> Bonjour Dora\r\n").getBytes(StandardCharsets.UTF_8),
                DORA);
        JsonObject c = api.await("/api/cases/1", x -> x.getJsonArray("messages").size() >= 4, WAIT);
        assertEquals("waiting-admin", c.getString("state"));
        JsonObject last = c.getJsonArray("messages").getJsonObject(3);
        assertEquals("Une petite : 1 Go suffira.", last.getString("text"));
        assertEquals(1, api.getJson("/api/cases").getInt("total"));
    }

    /** A backlog as one batch: the read-ahead IN queries and the in-transaction lookups, on PostgreSQL. */
    @Test
    @Order(2)
    void aBacklogArrivingAsOneBatchIsThreaded() throws Exception {
        String erwan = "erwan@example.org";
        mail.append("Staging",
                Mails.plain("erwan-1@example.org", erwan, "Sauvegardes", "Avez-vous des sauvegardes ?"),
                ("From: " + erwan + "\r\nTo: " + TestMailServer.COLOC + "\r\nSubject: Autre chose"
                        + "\r\nMessage-ID: <erwan-2@example.org>\r\nIn-Reply-To: <erwan-1@example.org>\r\n\r\n"
                        + "Et à quelle fréquence ?\r\n").getBytes(StandardCharsets.UTF_8),
                Mails.plain("erwan-3@example.org", erwan, "Le DNS", "Et le DNS ?"));
        mail.copyAll("Staging", "INBOX");
        JsonObject cases = api.await("/api/cases?requester=" + erwan, p -> p.getInt("total") >= 2, WAIT);
        assertEquals(2, cases.getInt("total"), cases.toString());
        Thread.sleep(2000);
        assertEquals(2, app.sentTo(erwan).size(), "one acknowledgement per new case");
    }

    @Test
    @Order(3)
    void inventoryWritesReadsFiltersAndLogsOnPostgres() {
        Api.Reply m = api.post("/api/members", "{\"displayName\": \"Chorale\", \"email\": \"" + DORA + "\"}");
        assertEquals(201, m.status(), m.text());
        member = m.json().getJsonNumber("id").longValue();
        Api.Reply h = api.post("/api/hosts", "{\"name\": \"garage-1\", \"cores\": 8, \"memoryMiB\": 32768, "
                + "\"storageGiB\": 1000}");
        assertEquals(201, h.status(), h.text());
        long host = h.json().getJsonNumber("id").longValue();
        Api.Reply v = api.post("/api/vms", """
                {"name": "chorale-web", "os": "debian", "osVersion": "12", "vcpus": 2, "memoryMiB": 2048,
                 "diskGiB": 20, "host": %d, "owner": %d, "ipv4": ["192.0.2.20"], "ipv6": ["2001:DB8::20"],
                 "domains": [{"name": "chorale.example", "certificateExpires": "%s"}]}"""
                .formatted(host, member, LocalDate.now().plusDays(5)));
        assertEquals(201, v.status(), v.text());
        vm = v.json().getJsonNumber("id").longValue();
        assertProblem(api.post("/api/vms", """
                {"name": "copy", "os": "debian", "vcpus": 1, "memoryMiB": 512, "diskGiB": 5, "host": %d,
                 "ipv4": ["192.0.2.20"]}""".formatted(host)), 409);

        assertEquals(1, api.getJson("/api/vms?owner=" + member + "&os=debian").getInt("total"));
        String etag = api.get("/api/vms/" + vm).header("ETag");
        assertEquals(200, api.patch("/api/vms/" + vm, "{\"vcpus\": 3}", etag).status());
        assertProblem(api.patch("/api/vms/" + vm, "{\"vcpus\": 4}", etag), 412);
        assertEquals(3, api.getJson("/api/vms/" + vm).getInt("vcpus"));
        assertEquals(1, api.get("/api/vms/certificates?expiringWithinDays=10").jsonArray().size());
        List<String> actions = api.getJson("/api/changes?type=vm&id=" + vm).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("action")).toList();
        assertEquals(List.of("update", "create"), actions);

        Api.Reply linked = api.patch("/api/cases/1", "{\"member\": " + member + ", \"vm\": " + vm + "}", null);
        assertEquals(200, linked.status(), linked.text());
    }

    @Test
    @Order(4)
    void everythingLivesInPostgresAndSurvivesARestart() throws Exception {
        long messages = api.getJson("/api/messages").getInt("total");
        app.stop();
        app.start();
        assertEquals(messages, api.getJson("/api/messages").getInt("total"), "nothing added or lost by a restart");
        JsonObject linked = api.getJson("/api/cases/1");
        assertEquals(member, linked.getJsonNumber("member").longValue(), "the case's link to its member: " + linked);
        assertEquals(vm, linked.getJsonNumber("vm").longValue());
        assertEquals(1, api.getJson("/api/vms").getInt("total"));

        try (Connection c = DriverManager.getConnection(jdbcUrl, "coloc", "it-pg"); Statement s = c.createStatement()) {
            assertEquals(messages, count(s, "SELECT COUNT(*) FROM INBOUND_MAIL"), "the mails are rows in PostgreSQL");
            assertEquals(3, count(s, "SELECT COUNT(*) FROM SUPPORT_CASE"));
            List<String> indexes = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
                    + "('inbound_mail', 'outbox_mail', 'support_case')")) {
                while (r.next()) {
                    indexes.add(r.getString(1).toLowerCase() + " " + r.getString(2));
                }
            }
            assertTrue(indexes.stream().anyMatch(i -> i.startsWith("ix_inbound_mail_newest") && i.contains("DESC")),
                    indexes.toString());
            assertTrue(indexes.stream().anyMatch(i -> i.startsWith("ix_case_number") && i.contains("UNIQUE")),
                    indexes.toString());
            assertTrue(indexes.stream().anyMatch(i -> i.startsWith("ix_outbox_recipient")), indexes.toString());
        }
        assertFalse(Files.exists(app.dataDir().resolve("coloc-db")), "no Derby database made on the side");
    }

    /**
     * Two instances on one database (the same mailbox, the same outbox): each queued mail leaves exactly once,
     * though both senders drain the outbox on the same two-second beat.
     */
    @Test
    @Order(5)
    void twoInstancesOnOneDatabaseSendEachMailOnce() throws Exception {
        ColocServer second = app.another("postgres-b", mail);
        second.start();
        try {
            int before = app.sentTo(DORA).size();
            Api other = second.api();
            for (int i = 1; i <= 10; i++) {
                Api through = i % 2 == 0 ? api : other;
                Api.Reply r = through.post("/api/cases/1/replies", "{\"text\": \"Précision n° " + i + "\"}");
                assertEquals(201, r.status(), r.text());
            }
            app.awaitMail(DORA, before + 10);
            Thread.sleep(5000);
            List<MimeMessage> got = app.sentTo(DORA);
            List<String> ids = new ArrayList<>();
            for (MimeMessage m : got.subList(before, got.size())) {
                ids.add(m.getMessageID());
            }
            assertEquals(10, ids.size(), "each of the 10 replies once: " + ids);
            assertEquals(10, ids.stream().distinct().count(), ids.toString());

            // both instances watch the same mailbox: each new request is stored once, as one case, acknowledged once
            long casesBefore = api.getJson("/api/cases").getInt("total");
            long mailsBefore = api.getJson("/api/messages").getInt("total");
            for (int i = 1; i <= 12; i++) {
                app.send(Mails.plain("multi-" + i + "@example.org", "asso" + i + "@example.org", "Demande n° " + i,
                        "Bonjour, une VM pour l'association " + i + " ?"), "asso" + i + "@example.org");
            }
            api.await("/api/messages", p -> p.getInt("total") >= mailsBefore + 12, WAIT);
            Thread.sleep(5000);
            assertEquals(mailsBefore + 12, api.getJson("/api/messages").getInt("total"), "each mail stored once");
            assertEquals(casesBefore + 12, api.getJson("/api/cases").getInt("total"), "one case per request");
            for (int i = 1; i <= 12; i++) {
                assertEquals(1, app.sentTo("asso" + i + "@example.org").size(), "one acknowledgement for asso" + i);
            }
            assertEquals(0, mail.count("INBOX"), "every mail moved out of the inbox");
        } finally {
            second.stop();
        }
    }

    /**
     * Two instances reading two mailboxes into one database open cases at the same moment: every mail is taken
     * in (none quarantined over a clash), case numbers stay unique and dense, each request acknowledged once.
     */
    @Test
    @Order(6)
    void twoInstancesOpeningCasesAtOnceGiveEachANumberOfItsOwn() throws Exception {
        TestMailServer otherMailbox = new TestMailServer().start();
        ColocServer second = app.another("postgres-c", otherMailbox);
        second.start();
        try {
            long mailsBefore = api.getJson("/api/messages").getInt("total");
            int n = 15;
            byte[][] here = new byte[n][];
            byte[][] there = new byte[n][];
            for (int i = 0; i < n; i++) {
                here[i] = Mails.plain("here-" + i + "@example.org", "ici" + i + "@example.org", "Ici " + i, "Bonjour " + i);
                there[i] = Mails.plain("there-" + i + "@example.org", "labas" + i + "@example.org", "Là " + i, "Salut " + i);
            }
            Thread deliverThere = new Thread(() -> {
                try {
                    for (byte[] raw : there) {
                        otherMailbox.deliver(raw);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            deliverThere.start();
            for (byte[] raw : here) {
                mail.deliver(raw);
            }
            deliverThere.join();
            api.await("/api/messages", p -> p.getInt("total") >= mailsBefore + 2 * n, WAIT);
            assertEquals(0, api.getJson("/api/messages?status=quarantined").getInt("total"), "nothing quarantined");
            List<Long> numbers = api.getJson("/api/cases?limit=200").getJsonArray("items").getValuesAs(JsonObject.class)
                    .stream().map(c -> c.getJsonNumber("number").longValue()).sorted().toList();
            List<Long> dense = new ArrayList<>();
            for (long k = 1; k <= numbers.size(); k++) {
                dense.add(k);
            }
            assertEquals(dense, numbers, "unique and dense case numbers");
            for (int i = 0; i < n; i++) {
                app.awaitMail("ici" + i + "@example.org", 1);
                app.awaitMail("labas" + i + "@example.org", 1);
            }
            Thread.sleep(3000);
            for (int i = 0; i < n; i++) {
                assertEquals(1, app.sentTo("ici" + i + "@example.org").size());
                assertEquals(1, app.sentTo("labas" + i + "@example.org").size());
            }
        } finally {
            second.stop();
            otherMailbox.stop();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
