package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.coloc.maintenance.entity.MaintenanceState;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public list, Atom feed and calendar: what they show, what they never show, and their caching. */
class PublicFeedsTest {

    static final JsonProvider JSON = JsonProvider.provider();
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");

    static final PublicMaintenance DISKS = new PublicMaintenance(42, 1, "Changement de disques", "Disk swap",
            "Le serveur s1 sera éteint. Questions : admin@coloc.example", null,
            Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T02:30:00Z"), PARIS, "announced", false,
            List.of("s1", "s2"), Instant.parse("2026-09-30T10:00:00Z"));
    static final PublicMaintenance POWER = new PublicMaintenance(41, 0, "Coupure <électrique> & \"onduleur\"", null,
            "Tout s'arrête.\u0001", null, Instant.parse("2026-09-10T20:00:00Z"), null, PARIS, "cancelled", true,
            List.of(), Instant.parse("2026-09-09T10:00:00Z"));

    @Test
    void onlyPublishedMaintenancesOfTheLastNinetyDaysAreListed() {
        Instant old = NOW.minus(PublicListing.PAST).minusSeconds(60);
        Instant recent = NOW.minus(PublicListing.PAST).plusSeconds(60);
        assertFalse(PublicListing.visible(MaintenanceState.DRAFT, NOW.plusSeconds(3600), null, null, null, NOW));
        assertTrue(PublicListing.visible(MaintenanceState.ANNOUNCED, NOW.plusSeconds(3600), null, null, null, NOW));
        assertTrue(PublicListing.visible(MaintenanceState.IN_PROGRESS, old.minusSeconds(86400), null, null, null, NOW),
                "an open-ended maintenance still going is listed however old its start");
        assertTrue(PublicListing.visible(MaintenanceState.COMPLETED, old, recent, recent, null, NOW));
        assertFalse(PublicListing.visible(MaintenanceState.COMPLETED, old.minusSeconds(60), old, old, null, NOW));
        assertTrue(PublicListing.visible(MaintenanceState.COMPLETED, old, null, recent, null, NOW),
                "until done: its completion dates it");
        assertFalse(PublicListing.visible(MaintenanceState.CANCELLED, old, old, null, old, NOW));
        assertTrue(PublicListing.visible(MaintenanceState.CANCELLED, NOW.plusSeconds(60), null, null, old, NOW));
    }

    @Test
    void addressesInTheAdminsTextAreMasked() {
        assertEquals("écrire à […] ou […].", PublicListing.withoutAddresses("écrire à ana@example.org ou @bob@social.example."));
        assertEquals("(voir mailto:[…]) et <[…]>", PublicListing.withoutAddresses("(voir mailto:x@y.z) et <a@b>"));
        assertEquals("un […] seul", PublicListing.withoutAddresses("un @ seul"));
        assertEquals("sans adresse", PublicListing.withoutAddresses("sans adresse"));
        assertEquals("fin […]... et […]. [[…]]", PublicListing.withoutAddresses("fin a@b... et a@. [x@y]"));
    }

    /** One pass over the text: a 2 MB word, with or without an @ at its end, is masked at once. */
    @Test
    void aHugeWordIsMaskedInLinearTime() {
        String word = "x".repeat(2_000_000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertEquals(word + " […]", PublicListing.withoutAddresses(word + " " + word + "@"));
            assertEquals("[…] " + word, PublicListing.withoutAddresses("a@" + word + " " + word));
        });
    }

    @Test
    void newestWindowFirst() {
        assertEquals(List.of(42L, 41L), PublicListing.ordered(List.of(POWER, DISKS)).stream()
                .map(PublicMaintenance::id).toList());
    }

    @Test
    void jsonListsTextsWindowStateAndHostNames() {
        JsonObject list = JSON.createReader(new ByteArrayInputStream(PublicFeeds.json(JSON, List.of(DISKS, POWER))))
                .readObject();
        assertEquals(2, list.getInt("total"));
        JsonObject disks = list.getJsonArray("items").getJsonObject(0);
        assertEquals(42, disks.getInt("id"));
        assertEquals("Changement de disques", disks.getString("title"));
        assertEquals("Disk swap", disks.getString("titleEn"));
        assertTrue(disks.isNull("descriptionEn"));
        assertEquals("2026-10-25T01:30:00+02:00", disks.getString("start"));
        assertEquals("2026-10-25T03:30:00+01:00", disks.getString("end"));
        assertEquals("Europe/Paris", disks.getString("timeZone"));
        assertEquals("announced", disks.getString("state"));
        assertEquals(List.of("s1", "s2"), disks.getJsonArray("hosts").getValuesAs(jakarta.json.JsonString::getString));
        assertFalse(disks.getBoolean("everything"));
        JsonObject power = list.getJsonArray("items").getJsonObject(1);
        assertTrue(power.isNull("end"));
        assertTrue(power.getBoolean("everything"));
        assertEquals("cancelled", power.getString("state"));
    }

    @Test
    void noAddressAnywhere() {
        for (byte[] out : List.of(PublicFeeds.json(JSON, List.of(DISKS, POWER)), PublicFeeds.atom(List.of(DISKS, POWER),
                "coloc.example"), PublicFeeds.ics(List.of(DISKS, POWER), "coloc.example"))) {
            String text = new String(out, StandardCharsets.UTF_8);
            assertFalse(text.contains("@"), text);
            assertTrue(text.contains("Le serveur s1 sera éteint."), text);
        }
    }

    @Test
    void atomIsAWellFormedFeedWithTheRequiredElements() throws Exception {
        Document doc = parseXml(PublicFeeds.atom(List.of(DISKS, POWER), "coloc.example"));
        Element feed = doc.getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals(PublicFeeds.ATOM, feed.getNamespaceURI());
        assertTrue(child(feed, "id").startsWith("urn:uuid:"));
        assertEquals("la coloc — maintenances", child(feed, "title"));
        assertEquals("2026-09-30T10:00:00Z", child(feed, "updated"), "the newest entry's");
        assertEquals("la coloc", child((Element) feed.getElementsByTagNameNS(PublicFeeds.ATOM, "author").item(0), "name"));
        NodeList entries = feed.getElementsByTagNameNS(PublicFeeds.ATOM, "entry");
        assertEquals(2, entries.getLength());
        Element first = (Element) entries.item(0);
        assertEquals(MaintenanceCalendar.urn("maintenance-42.coloc.example"), child(first, "id"));
        assertEquals("Changement de disques", child(first, "title"));
        assertEquals("2026-09-30T10:00:00Z", child(first, "updated"));
        String content = child(first, "content");
        assertTrue(content.contains("Quand : dimanche 25 octobre 2026, de 01:30 (UTC+2) à 03:30 (UTC+1), heure de Paris"),
                content);
        assertTrue(content.contains("Serveurs concernés : s1, s2"), content);
        assertTrue(content.contains("Disk swap\nState: announced"), content);
        Element second = (Element) entries.item(1);
        assertEquals("Coupure <électrique> & \"onduleur\" (annulée)", child(second, "title"), "escaped, read back whole");
        assertTrue(child(second, "content").contains("Serveurs concernés : tous"));
        assertTrue(child(second, "content").contains("Tout s'arrête."), "a control character is dropped, not fatal");
    }

    @Test
    void anEmptyFeedIsStillAValidFeed() throws Exception {
        Element feed = parseXml(PublicFeeds.atom(List.of(), "coloc.example")).getDocumentElement();
        assertEquals("1970-01-01T00:00:00Z", child(feed, "updated"));
        assertEquals(0, feed.getElementsByTagNameNS(PublicFeeds.ATOM, "entry").getLength());
    }

    @Test
    void calendarPublishesEveryEventUnderTheInvitationsUid() throws Exception {
        String ics = new String(PublicFeeds.ics(List.of(DISKS, POWER), "coloc.example"), StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("PUBLISH", calendar.getProperty("METHOD").orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent disks = events.get(0);
        assertEquals(MaintenanceCalendar.uid(42, "coloc.example"), disks.getUid().orElseThrow().getValue());
        assertEquals("1", disks.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals(DISKS.start(), Instant.from((Temporal) disks.getDateTimeStart().getDate()));
        assertEquals(DISKS.end(), Instant.from((Temporal) disks.getDateTimeEnd().getDate()));
        assertEquals("CONFIRMED", disks.getProperty("STATUS").orElseThrow().getValue());
        assertTrue(disks.getProperties("ATTENDEE").isEmpty() && disks.getProperties("ORGANIZER").isEmpty());
        assertEquals("CANCELLED", events.get(1).getProperty("STATUS").orElseThrow().getValue());
        assertEquals(1, calendar.getComponents("VTIMEZONE").size(), "one VTIMEZONE per zone, not per event");
    }

    @Test
    void theSameListGivesTheSameBytesAndAnotherListAnotherEtag() {
        byte[] a = PublicFeeds.atom(List.of(DISKS, POWER), "coloc.example");
        assertEquals(ConditionalGet.etag(a), ConditionalGet.etag(PublicFeeds.atom(List.of(DISKS, POWER), "coloc.example")));
        assertEquals(ConditionalGet.etag(PublicFeeds.ics(List.of(DISKS), "coloc.example")),
                ConditionalGet.etag(PublicFeeds.ics(List.of(DISKS), "coloc.example")));
        assertNotEquals(ConditionalGet.etag(a), ConditionalGet.etag(PublicFeeds.atom(List.of(DISKS), "coloc.example")));
    }

    @Test
    void ifNoneMatchNamingTheEtagMeansNotModified() {
        String etag = ConditionalGet.etag("x".getBytes(StandardCharsets.UTF_8));
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""));
        assertTrue(ConditionalGet.notModified(etag, etag));
        assertTrue(ConditionalGet.notModified("\"other\", W/" + etag, etag), "weak comparison, in a list");
        assertTrue(ConditionalGet.notModified("*", etag));
        assertFalse(ConditionalGet.notModified(null, etag));
        assertFalse(ConditionalGet.notModified("", etag));
        assertFalse(ConditionalGet.notModified("\"other\"", etag));
        assertFalse(ConditionalGet.notModified(etag.replace("\"", ""), etag), "an unquoted tag is not the tag");
    }

    private static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String child(Element parent, String name) {
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && name.equals(e.getLocalName()) && PublicFeeds.ATOM.equals(e.getNamespaceURI())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
