package org.coloc.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Who may become someone the admin's replies go to. */
class ParticipantsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String ALICE = "alice@example.org";
    private static final String ADMIN = "owner@coloc.test";
    private static final Set<String> NEVER = Set.of("coloc@coloc.test", ADMIN);

    private static List<String> addresses(Participants.Admission a) {
        return a.joined().stream().map(Participants.Participant::address).toList();
    }

    @Test
    void theRequestersCcJoinsAddedByHer() {
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, ALICE, false,
                List.of("Bob@Example.org", "coloc@coloc.test", ADMIN), NEVER, 50, NOW);
        assertEquals(List.of("bob@example.org"), addresses(a));
        assertEquals(ALICE, a.joined().get(0).addedBy());
        assertEquals(NOW, a.joined().get(0).addedAt());
        assertFalse(a.anyLeftOut(), "ours and the admin's addresses are simply never participants");
    }

    @Test
    void aStrangerNamingAMessageIdOfTheCaseWidensNothing() {
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, "mallory@example.net", false,
                List.of("victim@example.com", ALICE), NEVER, 50, NOW);
        assertTrue(a.joined().isEmpty());
        assertEquals(List.of("mallory@example.net", "victim@example.com"), a.notAllowed());
    }

    @Test
    void aParticipantTheAdminAddedMayNotBringOthersIn() {
        Participants.Admission a = Participants.fromMail(List.of(ALICE, "bob@example.org"), ALICE, "bob@example.org",
                false, List.of("carol@example.org"), NEVER, 50, NOW);
        assertTrue(a.joined().isEmpty());
        assertEquals(List.of("carol@example.org"), a.notAllowed());
    }

    @Test
    void theProvenAdminsCcJoinsAddedByHim() {
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, ADMIN, true,
                List.of("dave@example.org"), NEVER, 50, NOW);
        assertEquals(List.of("dave@example.org"), addresses(a));
        assertEquals(ADMIN, a.joined().get(0).addedBy());
    }

    @Test
    void aForgedAdminIsAnybody() {
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, ADMIN, false,
                List.of("dave@example.org"), NEVER, 50, NOW);
        assertTrue(a.joined().isEmpty());
        assertEquals(List.of("dave@example.org"), a.notAllowed());
    }

    @Test
    void beyondTheLimitAddressesAreLeftOutAndSaidSo() {
        List<String> cc = IntStream.range(0, 150).mapToObj(i -> "p" + i + "@example.org").toList();
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, ALICE, false, cc, NEVER, 50, NOW);
        assertEquals(49, a.joined().size(), "50 with the requester");
        assertEquals(101, a.overLimit().size());
        assertTrue(a.anyLeftOut());
    }

    @Test
    void addressesWeCannotMailNeverJoin() {
        String tooLong = "x".repeat(300) + "@example.org";
        Participants.Admission a = Participants.fromMail(List.of(ALICE), ALICE, ALICE, false,
                List.of(tooLong, "no-at-sign", "two@at@example.org", "ok@example.org"), NEVER, 50, NOW);
        assertEquals(List.of("ok@example.org"), addresses(a));
        assertEquals(3, a.unusable().size());
        assertFalse(Participants.usable(org.coloc.platform.Bounded.key("a".repeat(60) + "@" + "d".repeat(250)
                + ".example.org", Participants.MAX_ADDRESS)), "the key of an over-long address");
    }

    @Test
    void aDelayWarningIsNotAFailure() {
        assertTrue(DeliveryStatus.isDelay("4.4.7"));
        assertFalse(DeliveryStatus.isDelay("5.1.1"));
        assertFalse(DeliveryStatus.isDelay(null), "no status counts as permanent");
    }
}
