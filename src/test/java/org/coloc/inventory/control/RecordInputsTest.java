package org.coloc.inventory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coloc.inventory.boundary.HostView;
import org.coloc.inventory.boundary.MemberView;
import org.coloc.inventory.boundary.VmView;
import org.coloc.inventory.entity.HostFields;
import org.coloc.inventory.entity.MemberFields;
import org.coloc.inventory.entity.VmFields;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordInputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);

    /** JSON with single quotes for readability. */
    static JsonValue json(String text) {
        return JsonBodies.parse(text.replace('\'', '"'));
    }

    /** The field errors of a rejected input, in the order they were found. */
    static Map<String, String> errors(Executable read) {
        InvalidInputException e = assertThrows(InvalidInputException.class, read);
        assertEquals(400, e.problem().status());
        Map<String, String> out = new LinkedHashMap<>();
        for (Problem.FieldError f : e.errors()) {
            out.merge(f.field(), f.message(), (a, b) -> a + " | " + b);
        }
        assertEquals(e.errors(), e.problem().errors(), "the problem lists every field error");
        return out;
    }

    static Map<String, String> memberErrors(String body) {
        return errors(() -> RecordInputs.member(json(body), TODAY));
    }

    static Map<String, String> hostErrors(String body) {
        return errors(() -> RecordInputs.host(json(body)));
    }

    static Map<String, String> vmErrors(String body) {
        return errors(() -> RecordInputs.vm(json(body)));
    }

    /** A valid VM body with {@code extra} fields added (or replacing the defaults). */
    static String vm(String extra) {
        return "{'name':'web-1','os':'debian','vcpus':2,'memoryMiB':2048,'diskGiB':20" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String host(String extra) {
        return "{'name':'h1','cores':16,'memoryMiB':65536,'storageGiB':2000" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String member(String extra) {
        return "{'displayName':'Alice Martin','email':'alice@example.org'" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    // ---- rejected inputs: why, body, and the field errors it gets ----

    static Arguments rejected(String why, String body, Map<String, String> errors) {
        return arguments(why, body, errors);
    }

    /** One error for each of {@code fields}, all with the same message. */
    static Map<String, String> sameError(String message, String... fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : fields) {
            errors.put(field, message);
        }
        return errors;
    }

    /** The error of a list item that repeats an earlier one: it is named at the repetition, not the first. */
    static Map<String, String> repetitionAt(String item) {
        return Map.of(item, "appears twice");
    }

    static Stream<Arguments> rejectedMembers() {
        return Stream.of(
                rejected("without name and email, both are named", "{}",
                        Map.of("displayName", "is required", "email", "is required")),
                rejected("a blank display name is not a name", member("'displayName':'   '"),
                        Map.of("displayName", "must not be empty")),
                rejected("an unknown field is rejected by name", member("'emial':'x@example.org'"),
                        Map.of("emial", "unknown field")),
                rejected("bad e-mails are named one by one",
                        member("'email':'alice at example.org','otherEmails':['ok@example.org','no@',1,' ']"),
                        Map.of("email", "is not a valid e-mail address",
                                "otherEmails[1]", "is not a valid e-mail address",
                                "otherEmails[2]", "must be a string",
                                "otherEmails[3]", "must not be empty")),
                rejected("an other address repeating the primary ignoring case",
                        member("'otherEmails':['ALICE@example.org']"),
                        Map.of("otherEmails[0]", "repeats an address of this member")),
                rejected("a repeated address is named at its own position even after an invalid one",
                        member("'otherEmails':['bad','b@example.org','B@example.org']"),
                        Map.of("otherEmails[0]", "is not a valid e-mail address",
                                "otherEmails[2]", "repeats an address of this member")),
                rejected("other e-mails as an object", member("'otherEmails':{'a':'b@example.org'}"),
                        Map.of("otherEmails", "must be a list")),
                rejected("other e-mails as a string", member("'otherEmails':'b@example.org'"),
                        Map.of("otherEmails", "must be a list")),
                rejected("unknown language and status list the allowed words", member("'language':'de','status':'gone'"),
                        Map.of("language", "must be one of [en, fr]", "status", "must be one of [active, former]")),
                rejected("a status given as a number is a wrong type, not the default", member("'status':1"),
                        Map.of("status", "must be a string")),
                // joined is NOT NULL in the database: an empty string must not slip through as null
                rejected("an empty joined date is an error, not a missing date", member("'joined':''"),
                        Map.of("joined", "must not be empty")),
                rejected("a joined date given as a number", member("'joined':20260314"),
                        Map.of("joined", "must be a string")),
                rejected("a negative pledge", member("'monthlyPledge':-1"),
                        Map.of("monthlyPledge", "must be between 0 and 100000")),
                rejected("a huge pledge", member("'monthlyPledge':100000.01"),
                        Map.of("monthlyPledge", "must be between 0 and 100000")),
                rejected("a pledge as text", member("'monthlyPledge':'10'"), Map.of("monthlyPledge", "must be a number")),
                rejected("a number where text is expected is a wrong type", member("'displayName':42,'project':true"),
                        Map.of("displayName", "must be a string", "project", "must be a string")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejectedMembers(String why, String body, Map<String, String> errors) {
        assertEquals(errors, memberErrors(body));
    }

    private static final String NAME_RULE =
            "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit";

    static Stream<Arguments> rejectedHosts() {
        return Stream.of(
                rejected("the sizes are required", "{}", Map.of("name", "is required", "cores", "is required",
                        "memoryMiB", "is required", "storageGiB", "is required")),
                rejected("the sizes are whole and positive", "{'name':'h1','cores':0,'memoryMiB':-5,'storageGiB':1.5}",
                        Map.of("cores", "must be between 1 and 4096", "memoryMiB", "must be between 1 and 67108864",
                                "storageGiB", "must be a whole number")),
                rejected("a size as text", host("'cores':'16'"), Map.of("cores", "must be a whole number")),
                rejected("an unknown status", host("'status':'broken'"),
                        Map.of("status", "must be one of [active, maintenance, retired]")),
                rejected("a name with a space", host("'name':'my host'"), Map.of("name", NAME_RULE)),
                rejected("a name starting with a dash", host("'name':'-h1'"), Map.of("name", NAME_RULE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejectedHosts(String why, String body, Map<String, String> errors) {
        assertEquals(errors, hostErrors(body));
    }

    static Stream<Arguments> rejectedVms() {
        return Stream.of(
                rejected("negative vcpus", vm("'vcpus':-2"), Map.of("vcpus", "must be between 1 and 1024")),
                rejected("zero vcpus", vm("'vcpus':0"), Map.of("vcpus", "must be between 1 and 1024")),
                rejected("zero disk", vm("'diskGiB':0"), Map.of("diskGiB", "must be between 1 and 1048576")),
                rejected("memory as text", vm("'memoryMiB':'2048'"), Map.of("memoryMiB", "must be a whole number")),
                rejected("host and owner are ids, not names", vm("'host':'h1','owner':0"),
                        Map.of("host", "must be a whole number", "owner", "must be between 1 and 9223372036854775807")),
                rejected("the OS is required", "{'name':'v','vcpus':1,'memoryMiB':1,'diskGiB':1}",
                        Map.of("os", "is required")),
                rejected("the OS must be known", vm("'os':'windows'"), Map.of("os", "must be one of [alpine, debian]")),
                rejected("an unknown status", vm("'status':'running'"),
                        Map.of("status", "must be one of [active, decommissioned, provisioning, requested, suspended]")),
                rejected("bad IPv4 addresses are named by position",
                        vm("'ipv4':['192.0.2.1','300.1.1.1','1.2.3','01.2.3.4']"),
                        sameError("is not a valid IPv4 address", "ipv4[1]", "ipv4[2]", "ipv4[3]")),
                rejected("a too long IPv4 address", vm("'ipv4':['192.168.100.100.1']"),
                        Map.of("ipv4[0]", "must be at most 15 characters")),
                rejected("bad IPv6 addresses are named by position",
                        vm("'ipv6':['2001:db8::g','1::2::3','192.0.2.1','2001:db8::1']"),
                        sameError("is not a valid IPv6 address", "ipv6[0]", "ipv6[1]", "ipv6[2]")),
                rejected("IP lists given as object or string are a wrong type", vm("'ipv4':{'a':'192.0.2.1'},'ipv6':'::1'"),
                        Map.of("ipv4", "must be a list", "ipv6", "must be a list")),
                rejected("an IP as a number", vm("'ipv4':[3221225985]"), Map.of("ipv4[0]", "must be a string")),
                rejected("a duplicate IPv4 is named at the repetition", vm("'ipv4':['192.0.2.1','192.0.2.1']"),
                        repetitionAt("ipv4[1]")),
                rejected("a duplicate IPv6 is named at the repetition", vm("'ipv6':['2001:db8::1','2001:DB8::1']"),
                        repetitionAt("ipv6[1]")),
                rejected("a duplicate IP after an invalid one is named at its own position",
                        vm("'ipv4':['nope','192.0.2.1','192.0.2.1']"),
                        Map.of("ipv4[0]", "is not a valid IPv4 address", "ipv4[2]", "appears twice")),
                rejected("the same IPv6 written two ways is a duplicate", vm("'ipv6':['2001:db8::1','2001:db8:0:0:0:0:0:1']"),
                        repetitionAt("ipv6[1]")),
                rejected("bad domains are named inside their item", vm("'domains':[{'name':'localhost'},{'name':'bad_name.org'},"
                        + "{'name':'ok.org','certificateExpires':'June'},{},'x.org',{'name':'y.org','expires':'2026-01-01'}]"),
                        Map.of("domains[0].name", "must be a fully qualified domain",
                                "domains[1].name", "is not a valid domain name",
                                "domains[2].certificateExpires", "must be a date like 2026-11-21",
                                "domains[3].name", "is required",
                                "domains[4]", "must be an object",
                                "domains[5].expires", "unknown field")),
                rejected("domains as an object", vm("'domains':{'name':'example.org'}"), Map.of("domains", "must be a list")),
                rejected("duplicate domains ignoring case", vm("'domains':[{'name':'example.org'},{'name':'EXAMPLE.org'}]"),
                        repetitionAt("domains[1]")),
                rejected("a duplicate domain after an invalid one is named at its own position",
                        vm("'domains':[{'name':'-bad.org'},{'name':'example.org'},{'name':'example.org'}]"),
                        Map.of("domains[0].name", "is not a valid domain name", "domains[2]", "appears twice")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejectedVms(String why, String body, Map<String, String> errors) {
        assertEquals(errors, vmErrors(body));
    }

    // ---- members ----

    @Test
    void minimalMemberGetsFrenchActiveAndJoinsToday() {
        MemberFields m = RecordInputs.member(json(member("")), TODAY);
        assertEquals(new MemberFields("Alice Martin", "alice@example.org", List.of(), null, "fr", null, TODAY, "active",
                null), m);
    }

    @Test
    void fullMemberIsReadAsSentWithWordsLowerCasedAndTextStripped() {
        MemberFields m = RecordInputs.member(json(member("'otherEmails':['a.m@example.net'],'project':'  Atelier  ',"
                + "'language':'EN','notes':'n','joined':'2020-01-31','status':'Former','monthlyPledge':12.50")), TODAY);
        assertEquals(new MemberFields("Alice Martin", "alice@example.org", List.of("a.m@example.net"), "Atelier", "en",
                "n", LocalDate.of(2020, 1, 31), "former", new BigDecimal("12.50")), m);
    }

    @Test
    void displayNameOf201CharactersIsTooLongButOf200Fits() {
        String n200 = "x".repeat(200);
        assertEquals(n200, RecordInputs.member(json(member("'displayName':'" + n200 + "'")), TODAY).displayName());
        assertEquals(Map.of("displayName", "must be at most 200 characters"),
                memberErrors(member("'displayName':'" + n200 + "y'")));
    }

    @Test
    void readOnlyFieldsAreAcceptedAndIgnored() {
        MemberFields m = RecordInputs.member(json(member("'id':7,'created':'2020-01-01T00:00:00Z',"
                + "'updated':'whatever','capacity':{'x':1},'vmCount':3")), TODAY);
        assertEquals("alice@example.org", m.email());
        RecordInputs.host(json(host("'id':1,'created':null,'capacity':{'vcpus':{}},'vmCount':0")));
        RecordInputs.vm(json(vm("'id':'not even a number','updated':[]")));
    }

    @Test
    void moreThanTwentyOtherEmailsAreRefused() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            list.append(i == 0 ? "" : ",").append("'a").append(i).append("@example.org'");
        }
        assertEquals(Map.of("otherEmails", "must have at most 20 items"),
                memberErrors(member("'otherEmails':[" + list + "]")));
    }

    @Test
    void nullWordsFallBackToTheirDefaults() {
        MemberFields m = RecordInputs.member(json(member("'language':null,'status':null,'joined':null")), TODAY);
        assertEquals("fr", m.language());
        assertEquals("active", m.status());
        assertEquals(TODAY, m.joined());
    }

    @Test
    void malformedJoinedDatesAreRejectedAsDates() {
        for (String bad : List.of("2026-02-30", "14/03/2026", "2026-3-14", "yesterday", "2026-03-14T10:00:00Z")) {
            assertEquals(Map.of("joined", "must be a date like 2026-11-21"), memberErrors(member("'joined':'" + bad + "'")),
                    bad);
        }
    }

    @Test
    void bodyThatIsNotAnObjectIsRejectedAsBody() {
        assertEquals(Map.of("(body)", "must be a JSON object"), memberErrors("[]"));
        assertEquals(Map.of("(body)", "must be a JSON object"), errors(() -> RecordInputs.member(null, TODAY)));
    }

    @Test
    void severalMemberErrorsAreReportedAtOnceWithACountInTheDetail() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordInputs.member(
                json("{'displayName':'','email':'nope','language':'xx','typo':1}"), TODAY));
        assertEquals(4, e.errors().size());
        assertEquals("4 fields are invalid; see errors.", e.problem().detail());
        assertEquals(Map.of("typo", "unknown field", "displayName", "must not be empty",
                "email", "is not a valid e-mail address", "language", "must be one of [en, fr]"),
                memberErrors("{'displayName':'','email':'nope','language':'xx','typo':1}"));
    }

    @Test
    void oneErrorIsSpelledOutInTheDetail() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RecordInputs.member(json(member("'status':'gone'")), TODAY));
        assertEquals("status: must be one of [active, former]", e.problem().detail());
    }

    // ---- hosts ----

    @Test
    void minimalHostIsActive() {
        assertEquals(new HostFields("h1", null, null, 16, 65536, 2000, "active", null),
                RecordInputs.host(json(host(""))));
    }

    @Test
    void recordNamesOf63CharactersFitButOf64AreRejected() {
        String n63 = "h" + "x".repeat(62);
        assertEquals(n63, RecordInputs.host(json(host("'name':'" + n63 + "'"))).name());
        assertEquals(Map.of("name", "must be at most 63 characters"), hostErrors(host("'name':'" + n63 + "x'")));
    }

    @Test
    void aHostAsTheApiShowsItCanBePutBackUnchanged() {
        Capacity capacity = Capacity.of(16, 65536, 2000, new Capacity.Allocation(20, 1024, 10, 3));
        HostView view = new HostView(5, "h1", "R640", "B3", 16, 65536, 2000, "active", "notes",
                Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-02T10:00:00Z"), capacity,
                capacity.overcommitted());
        assertEquals(new HostFields("h1", "R640", "B3", 16, 65536, 2000, "active", "notes"),
                RecordInputs.host(JsonBodies.toJson(view)));
        assertEquals(new HostFields("h1", "R640", "B3", 16, 65536, 2000, "maintenance", "notes"),
                RecordInputs.host(JsonBodies.mergePatch(view, "{\"status\":\"maintenance\"}")));
    }

    @Test
    void aMemberAndAVmAsTheApiShowsThemCanBePutBackUnchanged() {
        MemberView m = new MemberView(3, "Alice", "alice@example.org", List.of("a@example.net"), null, "en", null,
                LocalDate.of(2020, 5, 1), "active", new BigDecimal("5.00"), "alice@example.org 5.1.1 2026-11-21T10:00:00Z",
                Instant.EPOCH, Instant.EPOCH);
        assertEquals(new MemberFields("Alice", "alice@example.org", List.of("a@example.net"), null, "en", null,
                LocalDate.of(2020, 5, 1), "active", new BigDecimal("5.00")),
                RecordInputs.member(JsonBodies.toJson(m), TODAY));
        VmView v = new VmView(9, "web-1", "web-1.example.org", "alpine", "3.20", 2, 2048, 20, 5L, 3L,
                List.of("192.0.2.10"), List.of("2001:db8::10"),
                List.of(new VmView.Domain("example.org", LocalDate.of(2026, 6, 1)), new VmView.Domain("www.example.org",
                        null)), "active", null, 42L, Instant.EPOCH, Instant.EPOCH);
        VmFields f = RecordInputs.vm(JsonBodies.toJson(v));
        assertEquals("web-1.example.org", f.hostname());
        assertEquals(5L, f.hostId());
        assertEquals(3L, f.ownerId());
        assertEquals(List.of("192.0.2.10"), f.ipv4());
        assertEquals(List.of("2001:db8::10"), f.ipv6());
        assertEquals(LocalDate.of(2026, 6, 1), f.domains().get(0).getCertificateExpires());
        assertNull(f.domains().get(1).getCertificateExpires());
        assertEquals(42L, f.caseNumber());
    }

    // ---- VMs ----

    @Test
    void minimalVmIsRequestedWithNoAddresses() {
        assertEquals(new VmFields("web-1", null, "debian", null, 2, 2048, 20, null, null, List.of(), List.of(), List.of(),
                "requested", null, null), RecordInputs.vm(json(vm(""))));
    }

    @Test
    void theOsIsReadInAnyCase() {
        assertEquals("alpine", RecordInputs.vm(json(vm("'os':'Alpine'"))).os());
    }

    @Test
    void ipv6IsStoredLowerCase() {
        assertEquals(List.of("2001:db8::abcd"), RecordInputs.vm(json(vm("'ipv6':['2001:DB8::ABCD']"))).ipv6());
    }

    @Test
    void domainsAreLowerCasedWithTheirCertificateExpiry() {
        VmFields f = RecordInputs.vm(json(vm("'domains':[{'name':'Example.ORG','certificateExpires':'2026-06-01'}]")));
        assertEquals("example.org", f.domains().get(0).getName());
        assertEquals(LocalDate.of(2026, 6, 1), f.domains().get(0).getCertificateExpires());
    }

    @Test
    void severalVmErrorsAreReportedAtOnce() {
        Map<String, String> errors = vmErrors("{'name':'web 1','os':'windows','vcpus':-1,'memoryMiB':'lots','diskGiB':0,"
                + "'ipv4':['192.0.2.1','1.2.3'],'domains':[{'name':'nodot'}],'color':'red'}");
        assertEquals(List.of("color", "name", "os", "vcpus", "memoryMiB", "diskGiB", "ipv4[1]", "domains[0].name"),
                List.copyOf(errors.keySet()));
    }
}
