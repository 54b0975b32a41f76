package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, item 6: the public list of maintenances and its two feeds, read anonymously over HTTP from the running
 * application. The maintenance rows are written with SQL (the REST API that creates them is another stream's, see
 * doc/i10-mmail.md); hosts and a VM through the inventory's API. Checks: no login needed (and only there), no
 * draft, nothing older than 90 days, host names only, no {@code @} anywhere, ETag/304, Cache-Control and
 * Content-Types, the calendar parses with ical4j inside the server (its bundled tz data, no network).
 */
@ExtendWith(ArquillianExtension.class)
class PublicMaintenancesInContainerIT {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:incontainer-secret".getBytes(StandardCharsets.UTF_8));

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.of("public-maintenances", Map.of("coloc.address", "coloc@coloc.test"));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    @Inject
    Clock clock;

    @Test
    void thePublicSeesPublishedMaintenancesWithHostNamesOnlyAndCachesThem() throws Exception {
        long garage = create("/api/hosts", "{\"name\": \"garage-1\", \"cores\": 8, \"memoryMiB\": 32768, \"storageGiB\": 1000}");
        long cellar = create("/api/hosts", "{\"name\": \"cellar-2\", \"cores\": 8, \"memoryMiB\": 32768, \"storageGiB\": 1000}");
        long member = create("/api/members", "{\"displayName\": \"Ana Secret\", \"email\": \"ana@members.test\"}");
        long vm = create("/api/vms", ("{\"name\": \"ana-private-vm\", \"os\": \"debian\", \"vcpus\": 1, \"memoryMiB\": 512,"
                + " \"diskGiB\": 5, \"host\": %d, \"owner\": %d}").formatted(cellar, member));
        Instant now = clock.instant();
        maintenance(9001, "announced", "Disques de garage-1 (écrire à ana@members.test)", now.plus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(10)).plus(Duration.ofHours(2)), false, List.of(garage), List.of(vm));
        maintenance(9002, "draft", "Brouillon secret", now.plus(Duration.ofDays(20)), null, false, List.of(garage),
                List.of());
        maintenance(9003, "completed", "Très vieille maintenance", now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(199)), false, List.of(garage), List.of());
        maintenance(9004, "cancelled", "Coupure générale", now.plus(Duration.ofDays(3)), null, true, List.of(),
                List.of());

        HttpResponse<String> list = get("/api/public/maintenances", null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertPublicAndCached(list);
        JsonObject body = JSON.createReader(new StringReader(list.body())).readObject();
        assertEquals(2, body.getInt("total"), list.body());
        JsonObject disks = body.getJsonArray("items").getJsonObject(0);
        assertEquals(9001, disks.getInt("id"), "newest window first");
        assertEquals(List.of("cellar-2", "garage-1"), disks.getJsonArray("hosts")
                .getValuesAs(jakarta.json.JsonString::getString), "the record's host and its VM's host, by name");
        assertEquals("announced", disks.getString("state"));
        JsonObject all = body.getJsonArray("items").getJsonObject(1);
        assertEquals(9004, all.getInt("id"));
        assertTrue(all.getBoolean("everything"));
        assertTrue(all.isNull("end"));
        assertEquals("cancelled", all.getString("state"));

        HttpResponse<String> atom = get("/feeds/maintenances.atom", null);
        assertEquals(200, atom.statusCode());
        assertEquals("application/atom+xml;charset=UTF-8", atom.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertPublicAndCached(atom);
        assertTrue(atom.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""), atom.body());
        assertTrue(atom.body().contains("Disques de garage-1"));

        HttpResponse<String> ics = get("/feeds/maintenances.ics", null);
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertPublicAndCached(ics);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        assertEquals("PUBLISH", calendar.getProperty("METHOD").orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(List.of("maintenance-9001.coloc.test", "maintenance-9004.coloc.test"),
                events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList());
        assertTrue(ics.body().contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"), "the bundled zone data, in a WAR");

        for (HttpResponse<String> r : List.of(list, atom, ics)) {
            assertFalse(r.body().contains("@"), r.uri() + " shows an address: " + r.body());
            assertFalse(r.body().contains("Brouillon") || r.body().contains("vieille"), "no draft, nothing that old");
            assertFalse(r.body().contains("Ana Secret") || r.body().contains("ana-private-vm"), "no member, no VM");
            String etag = r.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = get(r.uri().getPath(), etag);
            assertEquals(304, again.statusCode(), r.uri().toString());
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        }

        // a change the public sees is a new ETag: the old one gets the whole body again
        String oldEtag = atom.headers().firstValue("ETag").orElseThrow();
        maintenance(9005, "announced", "Nouvelle", now.plus(Duration.ofDays(30)), null, false, List.of(garage),
                List.of());
        HttpResponse<String> changed = get("/feeds/maintenances.atom", oldEtag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(oldEtag, changed.headers().firstValue("ETag").orElseThrow());
        assertTrue(changed.body().contains("Nouvelle"));
    }

    @Test
    void onlyThePublicPathsAreOpen() throws Exception {
        assertEquals(401, get("/api/members", null).statusCode());
        assertEquals(401, get("/api/public/maintenances/", null).statusCode(), "exactly the public path");
        assertEquals(401, get("/api/maintenances", null).statusCode());
        assertEquals(404, get("/feeds/other.atom", null).statusCode());
        HttpResponse<String> openapi = get("/openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/public/maintenances:"), "described with the API");
    }

    private static void assertPublicAndCached(HttpResponse<String> r) {
        assertEquals("public, max-age=300", r.headers().firstValue("Cache-Control").orElse(""), r.uri().toString());
        assertTrue(r.headers().firstValue("ETag").orElse("").matches("\"[A-Za-z0-9_-]{22}\""), r.uri().toString());
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        return new Http(base).get(path, ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    private long create(String path, String json) throws Exception {
        Http http = new Http(base);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(201, r.statusCode(), path + ": " + r.body());
        return JSON.createReader(new StringReader(r.body())).readObject().getJsonNumber("id").longValue();
    }

    /** A maintenance row as the REST API stores it (migration V4; booleans are SMALLINT on Derby, V4.1). */
    private void maintenance(long id, String state, String title, Instant start, Instant end, boolean everything,
            List<Long> hosts, List<Long> vms) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO MAINTENANCE (ID, VERSION, CREATED, UPDATED,"
                    + " TITLE, DESCRIPTION, START_AT, END_AT, TIME_ZONE, EVERYTHING, AUTO_COMPLETE, STATE,"
                    + " ICAL_SEQUENCE, ANNOUNCED_AT, COMPLETED_AT, CANCELLED_AT)"
                    + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'Europe/Paris', ?, 0, ?, 0, ?, ?, ?)")) {
                st.setLong(1, id);
                st.setTimestamp(2, Timestamp.from(now));
                st.setTimestamp(3, Timestamp.from(now.plusSeconds(id)));
                st.setString(4, title);
                st.setString(5, "Ce qui va se passer pour " + title + ".");
                st.setTimestamp(6, Timestamp.from(start));
                st.setTimestamp(7, end == null ? null : Timestamp.from(end));
                st.setBoolean(8, everything);
                st.setString(9, state);
                st.setTimestamp(10, state.equals("draft") ? null : Timestamp.from(now));
                st.setTimestamp(11, state.equals("completed") ? Timestamp.from(end) : null);
                st.setTimestamp(12, state.equals("cancelled") ? Timestamp.from(now) : null);
                st.executeUpdate();
            }
            for (long host : hosts) {
                link(c, "MAINTENANCE_HOST", "HOST_ID", id, host);
            }
            for (long vm : vms) {
                link(c, "MAINTENANCE_VM", "VM_ID", id, vm);
            }
        }
    }

    private static void link(Connection c, String table, String column, long maintenance, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO " + table + " (MAINTENANCE_ID, " + column
                + ") VALUES (?, ?)")) {
            st.setLong(1, maintenance);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }
}
