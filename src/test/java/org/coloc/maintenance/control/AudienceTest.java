package org.coloc.maintenance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Who is told: owners of VMs in service on the affected hosts, plus owners of the named VMs; active members only. */
class AudienceTest {

    private static final long H1 = 1;
    private static final long H2 = 2;
    private static final long H3 = 3;

    private static final Map<Long, Audience.MemberRow> MEMBERS = Map.of(
            10L, new Audience.MemberRow(10, "Alice", "alice@example.org", "fr", "active"),
            11L, new Audience.MemberRow(11, "bob", "bob@example.org", "en", "active"),
            12L, new Audience.MemberRow(12, "Chloé", "chloe@example.org", "fr", "active"),
            13L, new Audience.MemberRow(13, "Dan", "dan@example.org", "en", "active"),
            14L, new Audience.MemberRow(14, "Eve", "eve@example.org", "fr", "former"));

    private static final List<Audience.VmRow> VMS = List.of(
            vm(100, "velo", H1, 10L, "active", "velo.example", "www.velo.example"),
            vm(101, "atelier", H1, 10L, "suspended"),
            vm(102, "bob-web", H1, 11L, "active", "bob.example"),
            vm(103, "bob-db", H2, 11L, "active"),
            vm(104, "chloe-1", H2, 12L, "provisioning"),
            vm(105, "chloe-2", H2, 12L, "active", "chloe.example"),
            vm(106, "dan-1", H3, 13L, "requested"),
            vm(107, "dan-old", H1, 13L, "decommissioned"),
            vm(108, "eve", H1, 14L, "active"),
            vm(109, "spare", H1, null, "active"),
            vm(110, "nowhere", null, 13L, "active"));

    /** hosts and vms: ids ("-" none); told: member → their VMs, by name. */
    @ParameterizedTest(name = "hosts {0}, vms {1}, everything {2}: {3}")
    @CsvFileSource(resources = "/maintenance/audience-told.csv", delimiter = '|', quoteCharacter = '\'')
    void told(String hosts, String vms, boolean everything, String told) {
        Audience.Scope scope = new Audience.Scope(everything, ids(hosts), ids(vms));
        assertEquals(told, describe(Audience.of(scope, VMS, MEMBERS)));
    }

    @Test
    void eachMemberWithAddressLanguageAndTheirOwnDomainsOnly() {
        List<Audience.Member> told = Audience.of(new Audience.Scope(false, Set.of(H1), Set.of()), VMS, MEMBERS);
        Audience.Member alice = told.get(0);
        assertEquals(10, alice.member());
        assertEquals("alice@example.org", alice.email());
        assertEquals("fr", alice.language());
        assertEquals(List.of("velo.example", "www.velo.example"), alice.vms().get(1).domains());
        Audience.Member bob = told.get(1);
        assertEquals("en", bob.language());
        assertEquals(List.of(102L), bob.vms().stream().map(AffectedVm::id).toList());
        assertTrue(bob.vms().get(0).domains().contains("bob.example"));
    }

    @Test
    void aVmNamedAndOnAnAffectedHostIsListedOnce() {
        List<Audience.Member> told = Audience.of(new Audience.Scope(false, Set.of(H1), Set.of(100L)), VMS, MEMBERS);
        assertEquals(2, told.get(0).vms().size());
    }

    private static String describe(List<Audience.Member> members) {
        if (members.isEmpty()) {
            return "-";
        }
        return String.join("; ", members.stream().map(m -> m.displayName() + ": "
                + String.join(" ", m.vms().stream().map(AffectedVm::name).toList())).toList());
    }

    private static Audience.VmRow vm(long id, String name, Long host, Long owner, String status, String... domains) {
        return new Audience.VmRow(id, name, name + ".vm.example", host, owner, status, List.of(domains));
    }

    private static Set<Long> ids(String list) {
        return "-".equals(list.strip()) ? Set.of()
                : java.util.Arrays.stream(list.strip().split("\\s+")).map(Long::valueOf)
                        .collect(java.util.stream.Collectors.toSet());
    }
}
