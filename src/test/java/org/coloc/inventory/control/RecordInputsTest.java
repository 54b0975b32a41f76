package org.coloc.inventory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void memberWithoutNameAndEmailNamesBoth() {
        assertEquals(Map.of("displayName", "is required", "email", "is required"), memberErrors("{}"));
    }

    @Test
    void blankDisplayNameIsNotAName() {
        assertEquals(Map.of("displayName", "must not be empty"), memberErrors(member("'displayName':'   '")));
    }

    @Test
    void displayNameOf201CharactersIsTooLongButOf200Fits() {
        String n200 = "x".repeat(200);
        assertEquals(n200, RecordInputs.member(json(member("'displayName':'" + n200 + "'")), TODAY).displayName());
        assertEquals(Map.of("displayName", "must be at most 200 characters"),
                memberErrors(member("'displayName':'" + n200 + "y'")));
    }

    @Test
    void unknownMemberFieldIsRejectedByName() {
        assertEquals(Map.of("emial", "unknown field"), memberErrors(member("'emial':'x@example.org'")));
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
    void badEmailsAreNamedOneByOne() {
        assertEquals(Map.of("email", "is not a valid e-mail address",
                "otherEmails[1]", "is not a valid e-mail address",
                "otherEmails[2]", "must be a string",
                "otherEmails[3]", "must not be empty"),
                memberErrors(member("'email':'alice at example.org',"
                        + "'otherEmails':['ok@example.org','no@',1,' ']")));
    }

    @Test
    void anOtherAddressRepeatingThePrimaryIgnoringCaseIsRejected() {
        assertEquals(Map.of("otherEmails[0]", "repeats an address of this member"),
                memberErrors(member("'otherEmails':['ALICE@example.org']")));
    }

    @Test
    void aRepeatedAddressIsNamedAtItsOwnPositionEvenAfterAnInvalidOne() {
        assertEquals(Map.of("otherEmails[0]", "is not a valid e-mail address",
                "otherEmails[2]", "repeats an address of this member"),
                memberErrors(member("'otherEmails':['bad','b@example.org','B@example.org']")));
    }

    @Test
    void otherEmailsMustBeAList() {
        assertEquals(Map.of("otherEmails", "must be a list"), memberErrors(member("'otherEmails':{'a':'b@example.org'}")));
        assertEquals(Map.of("otherEmails", "must be a list"), memberErrors(member("'otherEmails':'b@example.org'")));
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
    void unknownLanguageAndStatusListTheAllowedWords() {
        assertEquals(Map.of("language", "must be one of [en, fr]", "status", "must be one of [active, former]"),
                memberErrors(member("'language':'de','status':'gone'")));
    }

    @Test
    void statusGivenAsNumberIsAWrongTypeNotTheDefault() {
        assertEquals(Map.of("status", "must be a string"), memberErrors(member("'status':1")));
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
        assertEquals(Map.of("joined", "must be a string"), memberErrors(member("'joined':20260314")));
    }

    @Test
    void emptyJoinedIsAnErrorNotAMissingDate() {
        // joined is NOT NULL in the database: an empty string must not slip through as null
        assertEquals(Map.of("joined", "must not be empty"), memberErrors(member("'joined':''")));
    }

    @Test
    void negativeOrHugePledgesAndTextPledgesAreRejected() {
        assertEquals(Map.of("monthlyPledge", "must be between 0 and 100000"), memberErrors(member("'monthlyPledge':-1")));
        assertEquals(Map.of("monthlyPledge", "must be between 0 and 100000"),
                memberErrors(member("'monthlyPledge':100000.01")));
        assertEquals(Map.of("monthlyPledge", "must be a number"), memberErrors(member("'monthlyPledge':'10'")));
    }

    @Test
    void numberWhereTextIsExpectedIsAWrongType() {
        assertEquals(Map.of("displayName", "must be a string", "project", "must be a string"),
                memberErrors(member("'displayName':42,'project':true")));
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
    void hostSizesAreRequiredWholeAndPositive() {
        assertEquals(Map.of("name", "is required", "cores", "is required", "memoryMiB", "is required",
                "storageGiB", "is required"), hostErrors("{}"));
        assertEquals(Map.of("cores", "must be between 1 and 4096", "memoryMiB", "must be between 1 and 67108864",
                "storageGiB", "must be a whole number"),
                hostErrors("{'name':'h1','cores':0,'memoryMiB':-5,'storageGiB':1.5}"));
        assertEquals(Map.of("cores", "must be a whole number"), hostErrors(host("'cores':'16'")));
    }

    @Test
    void hostWithUnknownStatusIsRejected() {
        assertEquals(Map.of("status", "must be one of [active, maintenance, retired]"),
                hostErrors(host("'status':'broken'")));
    }

    @Test
    void recordNamesOf64CharactersOrWithSpacesAreRejected() {
        String n63 = "h" + "x".repeat(62);
        assertEquals(n63, RecordInputs.host(json(host("'name':'" + n63 + "'"))).name());
        assertEquals(Map.of("name", "must be at most 63 characters"), hostErrors(host("'name':'" + n63 + "x'")));
        assertEquals(Map.of("name", "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit"),
                hostErrors(host("'name':'my host'")));
        assertEquals(Map.of("name", "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit"),
                hostErrors(host("'name':'-h1'")));
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
    void negativeVcpusAreRejectedWithTheFieldNamed() {
        assertEquals(Map.of("vcpus", "must be between 1 and 1024"), vmErrors(vm("'vcpus':-2")));
        assertEquals(Map.of("vcpus", "must be between 1 and 1024"), vmErrors(vm("'vcpus':0")));
        assertEquals(Map.of("diskGiB", "must be between 1 and 1048576"), vmErrors(vm("'diskGiB':0")));
        assertEquals(Map.of("memoryMiB", "must be a whole number"), vmErrors(vm("'memoryMiB':'2048'")));
    }

    @Test
    void hostAndOwnerAreIdsNotNames() {
        assertEquals(Map.of("host", "must be a whole number", "owner", "must be between 1 and 9223372036854775807"),
                vmErrors(vm("'host':'h1','owner':0")));
    }

    @Test
    void osIsRequiredAndMustBeKnown() {
        assertEquals(Map.of("os", "is required"), vmErrors("{'name':'v','vcpus':1,'memoryMiB':1,'diskGiB':1}"));
        assertEquals(Map.of("os", "must be one of [alpine, debian]"), vmErrors(vm("'os':'windows'")));
        assertEquals("alpine", RecordInputs.vm(json(vm("'os':'Alpine'"))).os());
    }

    @Test
    void unknownVmStatusIsRejected() {
        assertEquals(Map.of("status", "must be one of [active, decommissioned, provisioning, requested, suspended]"),
                vmErrors(vm("'status':'running'")));
    }

    @Test
    void badIpv4AddressesAreNamedByPosition() {
        assertEquals(Map.of("ipv4[1]", "is not a valid IPv4 address", "ipv4[2]", "is not a valid IPv4 address",
                "ipv4[3]", "is not a valid IPv4 address"),
                vmErrors(vm("'ipv4':['192.0.2.1','300.1.1.1','1.2.3','01.2.3.4']")));
        assertEquals(Map.of("ipv4[0]", "must be at most 15 characters"), vmErrors(vm("'ipv4':['192.168.100.100.1']")));
    }

    @Test
    void badIpv6AddressesAreNamedByPosition() {
        assertEquals(Map.of("ipv6[0]", "is not a valid IPv6 address", "ipv6[1]", "is not a valid IPv6 address",
                "ipv6[2]", "is not a valid IPv6 address"),
                vmErrors(vm("'ipv6':['2001:db8::g','1::2::3','192.0.2.1','2001:db8::1']")));
    }

    @Test
    void ipv6IsStoredLowerCase() {
        assertEquals(List.of("2001:db8::abcd"), RecordInputs.vm(json(vm("'ipv6':['2001:DB8::ABCD']"))).ipv6());
    }

    @Test
    void ipListGivenAsObjectOrStringIsAWrongType() {
        assertEquals(Map.of("ipv4", "must be a list", "ipv6", "must be a list"),
                vmErrors(vm("'ipv4':{'a':'192.0.2.1'},'ipv6':'::1'")));
        assertEquals(Map.of("ipv4[0]", "must be a string"), vmErrors(vm("'ipv4':[3221225985]")));
    }

    @Test
    void duplicateIpsAreNamedAtTheRepetition() {
        assertEquals(Map.of("ipv4[1]", "appears twice"), vmErrors(vm("'ipv4':['192.0.2.1','192.0.2.1']")));
        assertEquals(Map.of("ipv6[1]", "appears twice"), vmErrors(vm("'ipv6':['2001:db8::1','2001:DB8::1']")));
    }

    @Test
    void duplicateIpAfterAnInvalidOneIsNamedAtItsOwnPosition() {
        assertEquals(Map.of("ipv4[0]", "is not a valid IPv4 address", "ipv4[2]", "appears twice"),
                vmErrors(vm("'ipv4':['nope','192.0.2.1','192.0.2.1']")));
    }

    @Test
    void theSameIpv6WrittenTwoWaysIsADuplicate() {
        assertEquals(Map.of("ipv6[1]", "appears twice"), vmErrors(vm("'ipv6':['2001:db8::1','2001:db8:0:0:0:0:0:1']")));
    }

    @Test
    void domainsAreLowerCasedWithTheirCertificateExpiry() {
        VmFields f = RecordInputs.vm(json(vm("'domains':[{'name':'Example.ORG','certificateExpires':'2026-06-01'}]")));
        assertEquals("example.org", f.domains().get(0).getName());
        assertEquals(LocalDate.of(2026, 6, 1), f.domains().get(0).getCertificateExpires());
    }

    @Test
    void badDomainsAreNamedInsideTheirItem() {
        assertEquals(Map.of("domains[0].name", "must be a fully qualified domain",
                "domains[1].name", "is not a valid domain name",
                "domains[2].certificateExpires", "must be a date like 2026-11-21",
                "domains[3].name", "is required",
                "domains[4]", "must be an object",
                "domains[5].expires", "unknown field"),
                vmErrors(vm("'domains':[{'name':'localhost'},{'name':'bad_name.org'},"
                        + "{'name':'ok.org','certificateExpires':'June'},{},'x.org',{'name':'y.org','expires':'2026-01-01'}]")));
        assertEquals(Map.of("domains", "must be a list"), vmErrors(vm("'domains':{'name':'example.org'}")));
    }

    @Test
    void duplicateDomainsIgnoringCaseAreRejected() {
        assertEquals(Map.of("domains[1]", "appears twice"),
                vmErrors(vm("'domains':[{'name':'example.org'},{'name':'EXAMPLE.org'}]")));
    }

    @Test
    void duplicateDomainAfterAnInvalidOneIsNamedAtItsOwnPosition() {
        assertEquals(Map.of("domains[0].name", "is not a valid domain name", "domains[2]", "appears twice"),
                vmErrors(vm("'domains':[{'name':'-bad.org'},{'name':'example.org'},{'name':'example.org'}]")));
    }

    @Test
    void severalVmErrorsAreReportedAtOnce() {
        Map<String, String> errors = vmErrors("{'name':'web 1','os':'windows','vcpus':-1,'memoryMiB':'lots','diskGiB':0,"
                + "'ipv4':['192.0.2.1','1.2.3'],'domains':[{'name':'nodot'}],'color':'red'}");
        assertEquals(List.of("color", "name", "os", "vcpus", "memoryMiB", "diskGiB", "ipv4[1]", "domains[0].name"),
                List.copyOf(errors.keySet()));
    }
}
