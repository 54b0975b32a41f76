package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The inventory in the dashboard, in a real browser (Debian's headless Chromium): members, hosts and VMs created and
 * edited in their forms, the API's validation messages at the field they name, a 412 explained and reloaded, the
 * hosts' capacity bars, the certificates expiring soon, sorting and filtering the lists. The tests build on each
 * other in order; one browser for the class, its interface in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryPagesIT extends InBrowser {

    @RegisterExtension
    static final ColocApp app = ColocApp.named("inventory-pages").withMailServer();
    static final Api api = app.api();
    /** The server's day (coloc.timezone defaults to Europe/Paris): certificates count days from it. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** Requests the page makes that the API refuses on purpose: Chromium logs each one, nothing else may appear. */
    static final Pattern EXPECTED_REFUSAL = Pattern.compile(".*/api/(vms|members/\\d+)\\b.*status of (400|409|412).*");

    static long member;
    static long host;
    static long vm;

    static String base() {
        return app.baseUrl();
    }

    static void go(String route) {
        browser.open(base() + "/admin/#" + route);
    }

    /** The names of the list's rows once they are exactly these (the list redraws after each request). */
    static void awaitRows(String... names) {
        List<String> wanted = List.of(names);
        List<String> shown = settled(d -> {
            List<String> now = d.findElements(Browser.test("row")).stream().map(r -> r.getAttribute("data-name")).toList();
            return now.equals(wanted) ? now : null;
        });
        assertEquals(wanted, shown);
    }

    static WebElement row(String name) {
        return settled(d -> d.findElements(By.cssSelector("[data-test='row'][data-name='" + name + "']")).stream()
                .findFirst().orElse(null));
    }

    static WebElement field(String name) {
        return browser.visible("field-" + name);
    }

    static void type(String name, String text) {
        typeInto("field-" + name, text);
    }

    static void choose(String name, String visibleText) {
        new Select(field(name)).selectByVisibleText(visibleText);
    }

    /** The form of this record, drawn with its values (the form waits for the record and its ETag). */
    static void openForm(String route, String title) {
        go(route);
        settled(d -> d.findElement(Browser.test("form-title")).getText().contains(title) ? Boolean.TRUE : null);
        browser.visible("record-form");
    }

    /** Nothing in the console but the refusals a test provoked, and nothing loaded from outside the app. */
    static void assertCleanPage() {
        List<LogEntry> problems = browser.console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(e -> !EXPECTED_REFUSAL.matcher(e.getMessage()).matches()).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
        for (String url : browser.loadedUrls()) {
            assertTrue(url.startsWith("http://127.0.0.1:"), "loaded from outside: " + url);
        }
    }

    @Test
    @Order(1)
    void aMemberAndAHostCreatedInTheirFormsShowInTheirLists() throws Exception {
        go("/members");
        browser.script("localStorage.setItem('coloc.lang', 'en')");
        browser.driver().navigate().refresh();
        browser.submitPassword();
        browser.visible("members-view");
        browser.console(); // forget the probe of the logged-out page (a 401, as it should be)
        assertEquals(0, api.getJson("/api/members").getInt("total"));

        browser.visible("new-record").click();
        browser.visible("record-form");
        assertEquals("email", field("email").getAttribute("type"));
        assertEquals("f-email", browser.driver().findElement(By.cssSelector("label[for='f-email']")).getAttribute("for"),
                "each field has its label");
        type("displayName", "Vélo Libre");
        type("email", "contact@velo.example");
        type("project", "Atelier vélo");
        browser.visible("form-save").click();
        browser.visible("members-view");
        assertTrue(browser.visible("list-notice").getText().contains("Vélo Libre"), "said saved");
        row("Vélo Libre");
        JsonObject saved = api.getJson("/api/members?q=velo.example").getJsonArray("items").getJsonObject(0);
        assertEquals("Atelier vélo", saved.getString("project"));
        member = saved.getJsonNumber("id").longValue();

        go("/hosts/new");
        browser.visible("record-form");
        assertEquals("number", field("cores").getAttribute("type"));
        type("name", "garage-1");
        type("model", "Dell R620");
        type("cores", "4");
        type("memoryMiB", "16384");
        type("storageGiB", "500");
        browser.visible("form-save").click();
        browser.visible("hosts-view");
        row("garage-1");
        host = api.getJson("/api/hosts?q=garage-1").getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertCleanPage();
    }

    @Test
    @Order(2)
    void aVmWithABadIpAddressShowsTheApiMessageAtTheFieldThenAGoodOneIsSaved() throws Exception {
        go("/vms/new");
        browser.visible("record-form");
        // the host and the owner are chosen by name
        settled(d -> new Select(d.findElement(Browser.test("field-host"))).getOptions().size() == 2 ? Boolean.TRUE : null);
        type("name", "velo-web");
        choose("os", "Debian");
        type("osVersion", "12");
        type("vcpus", "2");
        type("memoryMiB", "2048");
        type("diskGiB", "20");
        choose("host", "garage-1");
        choose("owner", "Vélo Libre");
        type("ipv4", "192.0.2.300");
        browser.visible("form-save").click();

        WebElement error = browser.visible("error-ipv4");
        assertTrue(error.getText().contains("is not a valid IPv4 address"), error.getText());
        assertTrue(error.getText().contains("192.0.2.300"), "names the line typed: " + error.getText());
        WebElement ip = field("ipv4");
        assertEquals("true", ip.getAttribute("aria-invalid"));
        assertEquals(error.getAttribute("id"), ip.getAttribute("aria-describedby"), "the message is the field's");
        assertEquals(ip, browser.driver().switchTo().activeElement(), "the focus is on the bad field");
        WebElement summary = browser.visible("form-errors");
        assertEquals("alert", summary.getAttribute("role"));
        assertTrue(summary.getText().contains("is not a valid IPv4 address"), summary.getText());
        assertFalse(browser.driver().findElement(Browser.test("error-name")).isDisplayed(), "only the bad field is marked");
        assertNull(field("name").getAttribute("aria-invalid"), "only the bad field is marked");
        assertEquals(0, api.getJson("/api/vms").getInt("total"), "nothing was created");
        browser.screenshot("inventory-vm-form-error");

        type("ipv4", "192.0.2.30");
        browser.visible("form-save").click();
        browser.visible("vms-view");
        WebElement r = row("velo-web");
        WebElement hostLink = r.findElement(Browser.test("vm-host"));
        WebElement ownerLink = r.findElement(Browser.test("vm-owner"));
        assertEquals("garage-1", hostLink.getText());
        assertTrue(hostLink.getAttribute("href").endsWith("#/hosts/" + host), hostLink.getAttribute("href"));
        assertEquals("Vélo Libre", ownerLink.getText());
        assertTrue(ownerLink.getAttribute("href").endsWith("#/members/" + member), ownerLink.getAttribute("href"));
        JsonObject created = api.getJson("/api/vms").getJsonArray("items").getJsonObject(0);
        assertEquals("192.0.2.30", created.getJsonArray("ipv4").getString(0));
        assertEquals(host, created.getJsonNumber("host").longValue());
        assertEquals(member, created.getJsonNumber("owner").longValue());
        vm = created.getJsonNumber("id").longValue();
        assertCleanPage();
    }

    @Test
    @Order(3)
    void aHostWithMoreVcpusAllocatedThanItsCoresShowsARedBarAndTheFigures() throws Exception {
        assertEquals(201, api.post("/api/vms", "{\"name\": \"velo-db\", \"os\": \"alpine\", \"vcpus\": 8, \"memoryMiB\": "
                + "4096, \"diskGiB\": 40, \"host\": " + host + ", \"owner\": " + member + "}").status());
        assertEquals(201, api.post("/api/hosts", "{\"name\": \"garage-2\", \"cores\": 32, \"memoryMiB\": 65536, "
                + "\"storageGiB\": 2000}").status());
        go("/hosts");
        WebElement vcpus = settled(d -> d.findElement(By.cssSelector(
                "[data-test='row'][data-name='garage-1'] [data-test='capacity-vcpus']")));
        assertEquals("true", vcpus.getAttribute("data-over"));
        String figures = vcpus.findElement(Browser.test("capacity-figures")).getText();
        assertTrue(figures.contains("10 allocated of 4") && figures.contains("6 over"), figures);
        WebElement fill = vcpus.findElement(By.cssSelector(".cap-fill"));
        assertEquals("rgba(164, 38, 44, 1)", fill.getCssValue("background-color"), "red");
        assertTrue(row("garage-1").findElement(Browser.test("overcommitted")).isDisplayed());
        WebElement memory = row("garage-1").findElement(Browser.test("capacity-memoryMiB"));
        assertEquals("false", memory.getAttribute("data-over"), "6 GiB of 16: fine");
        assertNotEquals("rgba(164, 38, 44, 1)", memory.findElement(By.cssSelector(".cap-fill")).getCssValue("background-color"));
        WebElement idle = settled(d -> d.findElement(By.cssSelector(
                "[data-test='row'][data-name='garage-2'] [data-test='capacity-vcpus']")));
        assertEquals("false", idle.getAttribute("data-over"));
        assertTrue(idle.getText().contains("0 allocated of 32"), idle.getText());
        assertTrue(browser.visible("capacity-total").getText().contains("10 allocated of 36"),
                browser.visible("capacity-total").getText());
        browser.screenshot("inventory-hosts");
        assertCleanPage();
    }

    @Test
    @Order(4)
    void aMemberChangedMeanwhileIsExplainedAndReloadShowsTheNewValues() throws Exception {
        openForm("/members/" + member, "Vélo Libre");
        // someone else (a script) changes her while the admin types
        Api.Reply current = api.get("/api/members/" + member);
        assertEquals(200, api.patch("/api/members/" + member, "{\"displayName\": \"Vélo Libre (atelier)\"}",
                current.header("ETag")).status());
        type("project", "Réparations");
        browser.visible("form-save").click();

        WebElement conflict = browser.visible("form-conflict");
        assertTrue(conflict.getText().contains("Changed meanwhile by someone else — reload to see the current version"),
                conflict.getText());
        assertEquals("alert", conflict.getAttribute("role"));
        JsonObject now = api.getJson("/api/members/" + member);
        assertEquals("Atelier vélo", now.getString("project"), "the stale edit changed nothing");

        browser.visible("form-reload").click();
        settled(d -> "Vélo Libre (atelier)".equals(d.findElement(Browser.test("field-displayName")).getAttribute("value"))
                ? Boolean.TRUE : null);
        assertEquals("Atelier vélo", field("project").getAttribute("value"), "nothing stale is kept");
        assertFalse(browser.driver().findElement(Browser.test("form-conflict")).isDisplayed());

        type("project", "Réparations");
        browser.visible("form-save").click();
        browser.visible("members-view");
        assertEquals("Réparations", api.getJson("/api/members/" + member).getString("project"));
        assertCleanPage();
    }

    @Test
    @Order(5)
    void aCertificateExpiringSoonIsListedFirstAndHighlighted() throws Exception {
        String etag = api.get("/api/vms/" + vm).header("ETag");
        assertEquals(200, api.patch("/api/vms/" + vm, "{\"domains\": ["
                + "{\"name\": \"velo.example\", \"certificateExpires\": \"" + TODAY.plusDays(40) + "\"},"
                + "{\"name\": \"atelier.velo.example\", \"certificateExpires\": \"" + TODAY.plusDays(3) + "\"},"
                + "{\"name\": \"archives.velo.example\", \"certificateExpires\": \"" + TODAY.plusDays(300) + "\"}]}",
                etag).status());
        go("/vms");
        browser.visible("certificates-link").click();
        browser.visible("certs-view");
        List<String> domains = settled(d -> {
            List<String> shown = d.findElements(Browser.test("cert")).stream().map(c -> c.getAttribute("data-domain")).toList();
            return shown.isEmpty() ? null : shown;
        });
        assertEquals(List.of("atelier.velo.example", "velo.example"), domains, "soonest first, within 60 days");
        WebElement first = browser.driver().findElements(Browser.test("cert")).get(0);
        assertEquals("true", first.getAttribute("data-soon"), "within the daily report's 14 days");
        assertTrue(first.getText().contains("3 d"), first.getText());
        assertTrue(first.getText().contains("velo-web"), first.getText());
        assertEquals("false", browser.driver().findElements(Browser.test("cert")).get(1).getAttribute("data-soon"));
        assertTrue(browser.visible("certs-warn").getText().contains("14"), browser.visible("certs-warn").getText());

        WebElement days = browser.visible("certs-days");
        days.clear();
        days.sendKeys("365");
        browser.visible("certs-show").click();
        settled(d -> d.findElements(Browser.test("cert")).size() == 3 ? Boolean.TRUE : null);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/vms/certificates?days=365"), "kept in the address");
        assertCleanPage();
    }

    @Test
    @Order(6)
    void sortingAndFilteringChangeWhatTheListShowsAndStayInTheAddress() throws Exception {
        assertEquals(201, api.post("/api/members", "{\"displayName\": \"Alpha Asso\", \"email\": \"a@alpha.example\", "
                + "\"status\": \"former\"}").status());
        assertEquals(201, api.post("/api/members", "{\"displayName\": \"Zèbre Coop\", \"email\": \"z@zebre.example\"}")
                .status());
        go("/members");
        awaitRows("Alpha Asso", "Vélo Libre (atelier)", "Zèbre Coop");
        WebElement column = browser.visible("column-displayName");
        assertEquals("ascending", column.getAttribute("aria-sort"));
        assertEquals("none", browser.visible("column-email").getAttribute("aria-sort"));

        browser.visible("sort-displayName").click();
        awaitRows("Zèbre Coop", "Vélo Libre (atelier)", "Alpha Asso");
        assertEquals("descending", browser.visible("column-displayName").getAttribute("aria-sort"));
        assertTrue(browser.driver().getCurrentUrl().contains("sort=-displayName"), browser.driver().getCurrentUrl());

        new Select(browser.visible("filter-status")).selectByValue("active");
        browser.visible("filter-apply").click();
        awaitRows("Zèbre Coop", "Vélo Libre (atelier)");
        browser.visible("filter-q").sendKeys("velo");
        browser.visible("filter-apply").click();
        awaitRows("Vélo Libre (atelier)");
        browser.screenshot("inventory-members");

        // a reload (or a link) keeps the filters and the sort
        browser.driver().navigate().refresh();
        awaitRows("Vélo Libre (atelier)");
        assertEquals("velo", browser.visible("filter-q").getAttribute("value"));
        assertEquals("active", new Select(browser.visible("filter-status")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("descending", browser.visible("column-displayName").getAttribute("aria-sort"));

        // the VMs by owner: a select of members by name
        go("/vms?sort=-vcpus");
        awaitRows("velo-db", "velo-web");
        assertEquals("descending", browser.visible("column-vcpus").getAttribute("aria-sort"));
        new Select(browser.visible("filter-os")).selectByValue("debian");
        browser.visible("filter-apply").click();
        awaitRows("velo-web");
        assertCleanPage();
    }

    @Test
    @Order(7)
    void deletingAMemberWhoOwnsVmsIsRefusedWithTheApisReason() throws Exception {
        openForm("/members/" + member, "Vélo Libre");
        browser.visible("delete").click();
        browser.visible("delete-confirm");
        browser.visible("delete-yes").click();
        WebElement summary = browser.visible("form-errors");
        assertTrue(summary.getText().contains("owns 2 VM(s)"), summary.getText());
        assertEquals(200, api.get("/api/members/" + member).status(), "still there");

        // one who owns nothing goes, after the confirmation
        long alpha = api.getJson("/api/members?q=alpha").getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        openForm("/members/" + alpha, "Alpha Asso");
        browser.visible("delete").click();
        browser.visible("delete-no").click();
        assertEquals(200, api.get("/api/members/" + alpha).status(), "cancelled: still there");
        browser.visible("delete").click();
        browser.visible("delete-yes").click();
        browser.visible("members-view");
        assertEquals(404, api.get("/api/members/" + alpha).status());
        assertCleanPage();
    }

    @Test
    @Order(8)
    void aLongListIsPagedAndThePageIsInTheAddress() throws Exception {
        for (int i = 1; i <= 50; i++) {
            assertEquals(201, api.post("/api/members", String.format("{\"displayName\": \"Membre %02d\", "
                    + "\"email\": \"m%02d@paged.example\"}", i, i)).status());
        }
        int total = api.getJson("/api/members").getInt("total"); // 52: two from before
        go("/members?q=paged");
        settled(d -> d.findElements(Browser.test("row")).size() == 50 ? Boolean.TRUE : null);
        assertEquals("1–50 of 50", browser.visible("page-range").getText(), "one page: no buttons");
        assertTrue(browser.driver().findElements(Browser.test("page-next")).isEmpty());

        go("/members");
        settled(d -> d.findElements(Browser.test("row")).size() == 50 ? Boolean.TRUE : null);
        assertEquals("1–50 of " + total, browser.visible("page-range").getText());
        assertEquals("true", browser.visible("page-prev").getAttribute("disabled"), "the first page");
        browser.visible("page-next").click();
        settled(d -> d.findElements(Browser.test("row")).size() == total - 50 ? Boolean.TRUE : null);
        assertEquals("51–" + total + " of " + total, browser.visible("page-range").getText());
        assertTrue(browser.driver().getCurrentUrl().contains("offset=50"), browser.driver().getCurrentUrl());
        awaitRows("Vélo Libre (atelier)", "Zèbre Coop");
        browser.driver().navigate().back();
        settled(d -> d.findElements(Browser.test("row")).size() == 50 ? Boolean.TRUE : null);
        assertCleanPage();
    }

    @Test
    @Order(9)
    void aMemberAddedAndRemovedByAScriptComesAndGoesInTheOpenListWithoutReload() throws Exception {
        go("/members?q=direct");
        settled(d -> "members".equals(d.findElement(By.id("main")).getAttribute("data-loaded")) ? Boolean.TRUE : null);
        assertTrue(browser.driver().findElements(Browser.test("row")).isEmpty());
        browser.script("window.stillTheSamePage = true;");

        Api.Reply made = api.post("/api/members", "{\"displayName\": \"Membre en direct\", \"email\": \"direct@live.example\"}");
        assertEquals(201, made.status(), made.text());
        awaitRows("Membre en direct");
        String said = settled(d -> {
            String text = d.findElement(By.id("announcer")).getAttribute("textContent");
            return text.isBlank() ? null : text;
        });
        assertTrue(said.equals("Liste mise à jour") || said.equals("List updated"), "read out: " + said);

        assertEquals(204, api.delete("/api/members/" + made.json().getJsonNumber("id").longValue(), null).status());
        settled(d -> d.findElements(Browser.test("row")).isEmpty() ? Boolean.TRUE : null);
        assertEquals(Boolean.TRUE, browser.script("return window.stillTheSamePage === true;"), "no reload");
        assertCleanPage();
    }
}
