package org.coloc.it;

import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members, hosts and VMs through the REST API of the running application, as the dashboard or a script would
 * use it. One server for the class; the tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryIT {

    private static final String ADMIN_MAIL = "admin@coloc.test";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    private static long member;
    private static long otherMember;
    private static long host;
    private static long vm;

    @RegisterExtension
    static final ColocApp app = ColocApp.named("inventory").withMailServer().set("COLOC_ADMIN_EMAIL", ADMIN_MAIL);
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    @Test
    @Order(1)
    void membersAreCreatedReadAndListed() {
        Api.Reply created = api.post("/api/members", """
                {"displayName": "Vélo Libre", "email": "Contact@Velo.example", "otherEmails": ["tresorier@velo.example"],
                 "project": "Atelier vélo", "monthlyPledge": 5}""");
        assertEquals(201, created.status(), created.text());
        JsonObject m = created.json();
        member = m.getJsonNumber("id").longValue();
        assertEquals("/api/members/" + member, Path.of(java.net.URI.create(created.header("Location")).getPath()).toString());
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("fr", m.getString("language"));
        assertEquals("active", m.getString("status"));
        assertEquals(TODAY.toString(), m.getString("joined"));
        assertEquals(List.of("tresorier@velo.example"), strings(m.getJsonArray("otherEmails")));

        otherMember = api.post("/api/members", """
                {"displayName": "Radio Locale", "email": "radio@example.org", "language": "en", "status": "former"}""")
                .json().getJsonNumber("id").longValue();

        Api.Reply read = api.get("/api/members/" + member);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("Vélo Libre", read.json().getString("displayName"));

        JsonObject page = api.getJson("/api/members?status=active");
        assertEquals(1, page.getInt("total"));
        assertEquals(member, page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(1, api.getJson("/api/members?q=RADIO").getInt("total"));
        assertEquals("Vélo Libre", api.getJson("/api/members?sort=-displayName").getJsonArray("items")
                .getJsonObject(0).getString("displayName"));
        assertEquals(1, api.getJson("/api/members?limit=1").getJsonArray("items").size());
        assertEquals(2, api.getJson("/api/members?limit=1").getInt("total"));
    }

    @Test
    @Order(2)
    void addressesAreUniqueWhateverTheirCase() {
        Api.Reply dup = api.post("/api/members", """
                {"displayName": "Imposteur", "email": "TRESORIER@velo.example"}""");
        assertProblem(dup, 409);
        assertTrue(dup.json().getString("detail").contains("tresorier@velo.example"));
        assertEquals(2, api.getJson("/api/members").getInt("total"), "nothing half-saved");
    }

    @Test
    @Order(3)
    void hostsAndVmsAreCreatedWithReferences() {
        Api.Reply h = api.post("/api/hosts", """
                {"name": "garage-1", "model": "Dell R620", "rackPosition": "U3", "cores": 16, "memoryMiB": 65536,
                 "storageGiB": 2000}""");
        assertEquals(201, h.status(), h.text());
        host = h.json().getJsonNumber("id").longValue();
        assertProblem(api.post("/api/hosts", """
                {"name": "GARAGE-1", "cores": 1, "memoryMiB": 1, "storageGiB": 1}"""), 409);

        Api.Reply v = api.post("/api/vms", """
                {"name": "velo-web", "hostname": "web.velo.example", "os": "debian", "osVersion": "12", "vcpus": 2,
                 "memoryMiB": 2048, "diskGiB": 20, "host": %d, "owner": %d, "ipv4": ["192.0.2.10"],
                 "ipv6": ["2001:DB8::10"], "status": "active",
                 "domains": [{"name": "velo.example", "certificateExpires": "%s"},
                             {"name": "www.velo.example", "certificateExpires": "%s"}]}"""
                .formatted(host, member, TODAY.plusDays(10), TODAY.plusDays(40)));
        assertEquals(201, v.status(), v.text());
        JsonObject created = v.json();
        vm = created.getJsonNumber("id").longValue();
        assertEquals(host, created.getJsonNumber("host").longValue());
        assertEquals(member, created.getJsonNumber("owner").longValue());
        assertEquals(List.of("2001:db8::10"), strings(created.getJsonArray("ipv6")));

        Api.Reply second = api.post("/api/vms", """
                {"name": "radio-stream", "os": "alpine", "vcpus": 4, "memoryMiB": 1024, "diskGiB": 10, "host": %d,
                 "owner": %d, "ipv4": ["192.0.2.11"]}""".formatted(host, otherMember));
        assertEquals(201, second.status(), second.text());
        api.post("/api/vms", """
                {"name": "old-thing", "os": "debian", "vcpus": 8, "memoryMiB": 8192, "diskGiB": 100, "host": %d,
                 "status": "decommissioned", "domains": [{"name": "old.example", "certificateExpires": "%s"}]}"""
                .formatted(host, TODAY.minusDays(3)));
    }

    @Test
    @Order(4)
    void vmListsFilterSortAndPage() {
        assertEquals(3, api.getJson("/api/vms").getInt("total"));
        assertEquals(1, api.getJson("/api/vms?owner=" + member).getInt("total"));
        assertEquals(3, api.getJson("/api/vms?host=" + host).getInt("total"));
        assertEquals(1, api.getJson("/api/vms?os=alpine").getInt("total"));
        assertEquals(1, api.getJson("/api/vms?status=decommissioned").getInt("total"));
        assertEquals("velo-web", api.getJson("/api/vms?q=www.velo").getJsonArray("items").getJsonObject(0)
                .getString("name"));
        List<String> byName = names(api.getJson("/api/vms?sort=name"));
        assertEquals(List.of("old-thing", "radio-stream", "velo-web"), byName);
        assertEquals(List.of("velo-web", "radio-stream", "old-thing"), names(api.getJson("/api/vms?sort=-name")));
        assertEquals(List.of("radio-stream"), names(api.getJson("/api/vms?sort=name&offset=1&limit=1")));
        assertProblem(api.get("/api/vms?limit=501"), 400);
        assertProblem(api.get("/api/vms?sort=password"), 400);
        assertProblem(api.get("/api/vms?status=running"), 400);
        assertProblem(api.get("/api/vms?host=abc"), 400);
    }

    @Test
    @Order(5)
    void badInputIsRefusedWithEveryFieldNamedAndNothingSaved() {
        JsonObject p = assertProblem(api.post("/api/vms", """
                {"name": "bad name!", "os": "windows", "vcpus": -1, "memoryMiB": "lots", "diskGiB": 10,
                 "ipv4": ["300.1.1.1"], "ipv6": ["2001:db8::zz"], "hostname": "%s", "colour": "blue",
                 "domains": [{"name": "nodot"}]}""".formatted("h".repeat(300))), 400);
        Set<String> fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("name", "os", "vcpus", "memoryMiB", "ipv4[0]", "ipv6[0]", "hostname", "colour",
                "domains[0].name"), fields);
        assertProblem(api.post("/api/vms", "{\"name\": \"x\","), 400);
        assertProblem(api.post("/api/vms", "[1, 2]"), 400);
        assertProblem(api.post("/api/vms", """
                {"name": "ok", "os": "debian", "vcpus": 1, "memoryMiB": 1, "diskGiB": 1, "host": 999999}"""), 400);
        assertProblem(api.post("/api/hosts", """
                {"name": "h2", "cores": 1.5, "memoryMiB": 1, "storageGiB": 0}"""), 400);
        assertProblem(api.post("/api/members", """
                {"displayName": "x", "email": "not-an-address", "language": "de", "joined": "yesterday"}"""), 400);
        assertEquals(3, api.getJson("/api/vms").getInt("total"), "nothing half-saved");
        assertEquals(1, api.getJson("/api/hosts").getInt("total"));
        assertProblem(api.get("/api/vms/424242"), 404);
        assertProblem(api.get("/api/vms/-3"), 400);
    }

    @Test
    @Order(6)
    void conflictsAreAnsweredWith409() {
        assertProblem(api.post("/api/vms", """
                {"name": "copycat", "os": "debian", "vcpus": 1, "memoryMiB": 1, "diskGiB": 1, "ipv4": ["192.0.2.10"]}"""),
                409);
        assertProblem(api.post("/api/vms", """
                {"name": "copycat", "os": "debian", "vcpus": 1, "memoryMiB": 1, "diskGiB": 1,
                 "domains": [{"name": "VELO.example"}]}"""), 409);
        assertProblem(api.post("/api/vms", """
                {"name": "VELO-WEB", "os": "debian", "vcpus": 1, "memoryMiB": 1, "diskGiB": 1}"""), 409);
        assertProblem(api.delete("/api/hosts/" + host, null), 409);
        assertProblem(api.delete("/api/members/" + member, null), 409);
    }

    @Test
    @Order(7)
    void writesAreGuardedByIfMatch() {
        Api.Reply read = api.get("/api/vms/" + vm);
        String etag = read.header("ETag");
        assertNotNull(etag);
        Api.Reply patched = api.patch("/api/vms/" + vm, "{\"vcpus\": 3, \"notes\": \"plus de CPU\"}", etag);
        assertEquals(200, patched.status(), patched.text());
        assertEquals(3, patched.json().getInt("vcpus"));
        assertEquals("velo-web", patched.json().getString("name"), "merge patch keeps the other fields");
        assertFalse(etag.equals(patched.header("ETag")));

        assertProblem(api.patch("/api/vms/" + vm, "{\"vcpus\": 4}", etag), 412);
        assertProblem(api.put("/api/vms/" + vm, read.text(), etag), 412);
        assertEquals(3, api.getJson("/api/vms/" + vm).getInt("vcpus"), "a stale write changes nothing");

        // PUT replaces: what is left out goes back to its default
        String fresh = api.get("/api/vms/" + vm).header("ETag");
        Api.Reply put = api.put("/api/vms/" + vm, """
                {"name": "velo-web", "os": "debian", "osVersion": "13", "vcpus": 2, "memoryMiB": 2048, "diskGiB": 20,
                 "host": %d, "owner": %d, "ipv4": ["192.0.2.10"], "status": "active",
                 "domains": [{"name": "velo.example", "certificateExpires": "%s"},
                             {"name": "www.velo.example", "certificateExpires": "%s"}]}"""
                .formatted(host, member, TODAY.plusDays(10), TODAY.plusDays(40)), fresh);
        assertEquals(200, put.status(), put.text());
        assertEquals("13", put.json().getString("osVersion"));
        assertFalse(put.json().containsKey("notes"));
        assertEquals(0, put.json().getJsonArray("ipv6").size(), put.text());
    }

    @Test
    @Order(8)
    void hostCapacityCountsWhatItsVmsTake() {
        JsonObject h = api.getJson("/api/hosts/" + host);
        JsonObject capacity = h.getJsonObject("capacity");
        // velo-web (2 vCPU, 2048 MiB, 20 GiB) + radio-stream (4, 1024, 10); the decommissioned VM takes nothing
        assertEquals(6, capacity.getJsonObject("vcpus").getInt("allocated"));
        assertEquals(10, capacity.getJsonObject("vcpus").getInt("available"));
        assertEquals(3072, capacity.getJsonObject("memoryMiB").getInt("allocated"));
        assertEquals(62464, capacity.getJsonObject("memoryMiB").getInt("available"));
        assertEquals(30, capacity.getJsonObject("diskGiB").getInt("allocated"));
        assertEquals(2, capacity.getInt("vmCount"));
        assertFalse(h.getBoolean("overcommitted"));

        JsonObject summary = api.getJson("/api/hosts/capacity");
        assertEquals(1, summary.getJsonArray("hosts").size());
        assertEquals(1970, summary.getJsonObject("total").getJsonObject("diskGiB").getInt("available"));
    }

    @Test
    @Order(9)
    void expiringCertificatesAreListedAndMailedToTheAdmin() throws Exception {
        JsonArray soon = api.get("/api/vms/certificates?expiringWithinDays=14").jsonArray();
        assertEquals(1, soon.size(), soon.toString());
        assertEquals("velo.example", soon.getJsonObject(0).getString("domain"));
        assertEquals(10, soon.getJsonObject(0).getInt("daysLeft"));
        assertEquals(2, api.get("/api/vms/certificates?expiringWithinDays=60").jsonArray().size(),
                "the decommissioned VM's expired certificate is not listed");
        assertProblem(api.get("/api/vms/certificates?expiringWithinDays=soon"), 400);

        Api.Reply report = api.post("/api/vms/certificates/report", null);
        assertEquals(200, report.status(), report.text());
        assertTrue(report.json().getBoolean("sent"));
        // queued in the outbox with the report, sent by the outbox's sender a moment later
        List<MimeMessage> received = List.of();
        for (int i = 0; i < 100 && received.isEmpty(); i++) {
            Thread.sleep(200);
            received = mail.receivedBy(ADMIN_MAIL);
        }
        assertEquals(1, received.size());
        MimeMessage m = received.get(0);
        assertTrue(m.getSubject().contains("1 certificat"), m.getSubject());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        String text = (String) m.getContent();
        assertTrue(text.contains("velo.example (VM velo-web)"), text);
        assertFalse(text.contains("www.velo.example"), text);
    }

    @Test
    @Order(10)
    void everyChangeIsLoggedWithWhoWhenAndWhat() {
        String etag = api.get("/api/vms/" + vm).header("ETag");
        assertEquals(204, api.delete("/api/vms/" + vm, etag).status());
        assertProblem(api.get("/api/vms/" + vm), 404);

        JsonObject log = api.getJson("/api/changes?type=vm&id=" + vm);
        List<String> actions = log.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("action")).toList();
        assertEquals(List.of("delete", "update", "update", "create"), actions);
        JsonObject patch = log.getJsonArray("items").getJsonObject(2);
        assertEquals("admin", patch.getString("actor"));
        assertEquals(2, patch.getJsonObject("before").getInt("vcpus"));
        assertEquals(3, patch.getJsonObject("after").getInt("vcpus"));
        assertTrue(log.getJsonArray("items").getJsonObject(0).isNull("after"));
        assertTrue(log.getJsonArray("items").getJsonObject(3).isNull("before"));
        assertProblem(api.get("/api/changes?type=planet"), 400);
    }

    @Test
    @Order(11)
    void scriptsUseTokensThatOnlyTheAdminManages() {
        assertProblem(api.withoutCredentials().get("/api/vms"), 401);
        Api.Reply created = api.post("/api/tokens", "{\"name\": \"backup\"}");
        assertEquals(201, created.status(), created.text());
        String token = created.json().getString("token");
        long id = created.json().getJsonNumber("id").longValue();
        Api script = api.withAuthorization("Bearer " + token);

        assertEquals(200, script.get("/api/vms").status());
        Api.Reply made = script.post("/api/hosts", """
                {"name": "garage-2", "cores": 8, "memoryMiB": 32768, "storageGiB": 1000}""");
        assertEquals(201, made.status(), made.text());
        assertEquals("token:backup", api.getJson("/api/changes?type=host&id=" + made.json().getJsonNumber("id"))
                .getJsonArray("items").getJsonObject(0).getString("actor"));

        assertProblem(script.get("/api/tokens"), 403);
        assertProblem(api.post("/api/tokens", "{\"name\": \"backup\"}"), 409);
        assertFalse(api.get("/api/tokens").text().contains(token), "a token is shown once, never listed");

        assertEquals(204, api.delete("/api/tokens/" + id, null).status());
        assertProblem(script.get("/api/vms"), 401);
        assertProblem(api.withAuthorization("Bearer coloc_forged").get("/api/vms"), 401);
    }

    @Test
    @Order(12)
    void theApiIsDescribedInOpenApi() {
        Api.Reply openapi = api.withoutCredentials().get("/openapi");
        assertEquals(200, openapi.status());
        String text = openapi.text();
        for (String path : List.of("/api/members", "/api/hosts/{id}", "/api/vms", "/api/vms/certificates",
                "/api/changes", "/api/tokens", "/api/messages", "/api/cases", "/api/cases/{number}",
                "/api/cases/{number}/replies")) {
            assertTrue(text.contains(path + ":"), path + " missing from OpenAPI");
        }
        assertTrue(text.contains("PreconditionFailed"), text);
        // the six endpoints each kind of record inherits are described too (Payara's scanner sees only the
        // methods a resource declares; OpenApiConventions adds them)
        for (String records : List.of("members", "hosts", "vms", "maintenances")) {
            String one = section(text, "/api/" + records + "/{id}:");
            for (String method : List.of("get:", "put:", "patch:", "delete:", "If-Match", "PreconditionFailed")) {
                assertTrue(one.contains(method), records + ": " + method + " missing in " + one);
            }
            String all = section(text, "/api/" + records + ":");
            assertTrue(all.contains("post:"), records + ": no create");
            for (String list : List.of("get:", "offset", "limit", "sort", "Page")) {
                assertTrue(all.contains(list), records + ": list without " + list + " in " + all);
            }
        }
        assertTrue(section(text, "/api/maintenances/{id}:").contains("rescheduled"), "maintenance's own texts");
        assertTrue(text.contains("VmView"), text);
        assertTrue(text.contains("CaseSummaryPage") && text.contains("CaseView"), text);
    }

    /** The YAML of one path of the OpenAPI document, up to the next path. */
    private static String section(String openapi, String path) {
        int start = openapi.indexOf("\n  " + path);
        assertTrue(start >= 0, path + " missing from OpenAPI");
        int end = openapi.indexOf("\n  /", start + 3);
        return openapi.substring(start, end < 0 ? openapi.length() : end);
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
    }
}
