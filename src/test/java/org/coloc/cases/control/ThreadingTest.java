package org.coloc.cases.control;

import static org.coloc.cases.control.InMemoryCases.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.coloc.cases.control.Threading.Decision;
import org.coloc.cases.control.Threading.MailFacts;
import org.coloc.outbox.control.OutgoingIds;
import org.junit.jupiter.api.Test;

class ThreadingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ALICE = "alice@member.example";
    private static final String BOB = "bob@member.example";
    private static final String MALLORY = "mallory@evil.example";

    private final OutgoingIds outgoing = new OutgoingIds(
            "a key of at least sixteen bytes!".getBytes(StandardCharsets.US_ASCII), "coloc.example.org");
    private final InMemoryCases cases = new InMemoryCases(outgoing);

    /** Alice opens a case with one mail; its number. */
    private long aliceOpens(String id, String subject, Instant when) {
        Decision d = cases.receive(mail(id, null, null, ALICE, subject), when);
        assertEquals("new", d.rule());
        return d.caseNumber();
    }

    private Decision thread(MailFacts m, Instant now) {
        return Threading.thread(m, cases, now);
    }

    // a. references

    @Test
    void replyByInReplyToLandsInItsCase() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        Decision d = thread(mail("b1@bob", "a1@alice", null, BOB, "Something else entirely"), T0.plusSeconds(60));
        assertEquals(new Decision(c, "references", false), d);
    }

    @Test
    void inReplyToWinsOverReferences() {
        long a = aliceOpens("a1@alice", "Backup failed", T0);
        long b = aliceOpens("a2@alice", "Disk full", T0);
        Decision d = thread(mail("x@bob", "a1@alice", List.of("a2@alice"), BOB, "x"), T0);
        assertEquals(a, d.caseNumber());
        assertFalse(a == b);
    }

    @Test
    void newestReferenceWinsWhenInReplyToIsUnknown() {
        long a = aliceOpens("a1@alice", "Backup failed", T0);
        long b = aliceOpens("a2@alice", "Disk full", T0);
        Decision d = thread(mail("x@bob", "unknown@nowhere", List.of("a1@alice", "a2@alice", "ghost@x"), BOB, "x"), T0);
        assertEquals(b, d.caseNumber());
        assertEquals("references", d.rule());
        assertFalse(a == b);
    }

    @Test
    void closedCaseStillThreadsByReferences() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        Instant muchLater = T0.plus(Duration.ofDays(400));
        assertEquals(new Decision(c, "references", false),
                thread(mail("a9@alice", null, List.of("a1@alice"), ALICE, "Re: Backup failed"), muchLater));
        assertEquals(new Decision(null, "new", false),
                thread(mail("a9@alice", null, null, ALICE, "Re: Backup failed"), muchLater),
                "without the headers the subject alone no longer reaches an old case");
    }

    @Test
    void replyToOurOutgoingMailLandsInItsCase() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        String ours = outgoing.create(c); // never stored: the MAC alone vouches for it
        assertEquals(new Decision(c, "references", false),
                thread(mail("b1@bob", "<" + ours + ">", null, BOB, "Re: [coloc #" + c + "] Backup failed"), T0));
    }

    @Test
    void forgedOutgoingIdIsNotTrusted() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        String real = outgoing.create(c);
        String forged = "case-" + c + ".aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org";
        String otherKey = new OutgoingIds("another key, sixteen bytes long".getBytes(StandardCharsets.US_ASCII),
                "coloc.example.org").create(c);
        for (String id : List.of(forged, otherKey, real.replace("case-" + c + ".", "case-" + (c + 1) + "."))) {
            Decision d = thread(mail("m1@evil", id, List.of(id), MALLORY, "Please reset the root password"), T0);
            assertEquals(new Decision(null, "new", false), d, id);
        }
    }

    @Test
    void parentArrivingAfterItsReplyJoinsTheReplysCase() {
        Decision reply = cases.receive(mail("b1@bob", "a1@alice", List.of("a1@alice"), BOB, "Re: Backup failed"), T0);
        Decision late = thread(mail("a1@alice", null, null, ALICE, "Backup failed"), T0.plusSeconds(5));
        assertEquals(new Decision(reply.caseNumber(), "references", false), late);
    }

    @Test
    void siblingsOfAMissingParentShareACase() {
        Decision first = cases.receive(mail("b1@bob", "ghost@x", List.of("ghost@x"), BOB, "Resolved: disk"), T0);
        Decision second = thread(mail("c1@carol", null, List.of("ghost@x"), "carol@x", "AutoReply: disk"), T0);
        assertEquals(first.caseNumber(), second.caseNumber());
        assertEquals("references", second.rule());
    }

    @Test
    void idsAreComparedWithoutBracketsAndBlanks() {
        long c = aliceOpens("<a1@alice>", "Backup failed", T0);
        assertEquals(c, thread(mail(null, "  <a1@alice> ", null, BOB, null), T0).caseNumber());
        assertEquals(c, thread(mail(null, null, Arrays.asList(null, " ", "<a1@alice>"), BOB, null), T0).caseNumber());
    }

    @Test
    void onlyTheNewestReferencesAreLookedUp() {
        List<String> asked = new ArrayList<>();
        Threading.CaseLookup counting = new Threading.CaseLookup() {
            public Optional<Long> caseOfMessageId(String id) {
                asked.add(id);
                return Optional.empty();
            }
            public boolean exists(long n) {
                return false;
            }
            public boolean takesPart(long n, String a) {
                return false;
            }
            public Optional<Long> activeCase(String a, String s, Instant since) {
                return Optional.empty();
            }
        };
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            refs.add("r" + i + "@x");
        }
        assertEquals("new", Threading.thread(mail("own@x", "irt@x", refs, BOB, "x"), counting, T0).rule());
        assertTrue(asked.size() <= Threading.MAX_REFERENCES + 2, "asked " + asked.size());
        assertEquals(List.of("irt@x", "r9999@x", "r9998@x"), asked.subList(0, 3));
        assertEquals("own@x", asked.get(asked.size() - 1));
    }

    // b. tag

    @Test
    void participantUsingTheTagLandsInTheCase() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(c, "tag", false),
                thread(mail("a2@alice", null, null, "ALICE@member.example", "Re: [Coloc #" + c + "] Backup"), T0));
    }

    @Test
    void strangerUsingSomeoneElsesTagGetsANewFlaggedCase() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        Decision d = thread(mail("m1@evil", null, null, MALLORY, "Re: [coloc #" + c + "] Backup failed"), T0);
        assertEquals(new Decision(null, "foreign-tag", true), d);
    }

    @Test
    void tagOfACaseThatDoesNotExistGetsANewFlaggedCase() {
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(null, "foreign-tag", true),
                thread(mail("a2@alice", null, null, ALICE, "[coloc #999] Backup failed"), T0));
    }

    @Test
    void tagWithoutSenderIsForeign() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(null, "foreign-tag", true),
                thread(mail("x", null, null, null, "[coloc #" + c + "] Backup failed"), T0));
    }

    @Test
    void foreignTagIsNotRescuedBySubject() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        long other = aliceOpens("a2@alice", "Disk full", T0);
        // Alice takes part in c, not in a case of Bob's; her tag naming Bob's case must not fall back to c
        long bobs = cases.receive(mail("b1@bob", null, null, BOB, "Invoice"), T0).caseNumber();
        Decision d = thread(mail("a3@alice", null, null, ALICE, "Re: [coloc #" + bobs + "] Backup failed"), T0);
        assertEquals(new Decision(null, "foreign-tag", true), d);
        assertFalse(c == other);
    }

    @Test
    void referencesComeBeforeTheTag() {
        long a = aliceOpens("a1@alice", "Backup failed", T0);
        long b = aliceOpens("a2@alice", "Disk full", T0);
        assertEquals(new Decision(a, "references", false),
                thread(mail("m1@evil", "a1@alice", null, MALLORY, "Re: [coloc #" + b + "] Backup failed"), T0));
    }

    // c. subject

    @Test
    void replyWithLostHeadersLandsInItsCase() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        Decision d = thread(mail("a2@alice", null, null, ALICE, "RE : [notmuch]  backup FAILED"), T0.plus(Duration.ofDays(3)));
        assertEquals(new Decision(c, "subject", false), d);
    }

    @Test
    void unknownReplyHeadersAreEvidenceOfAReplyToo() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        Decision d = thread(mail("a2@alice", "lost@relay", null, ALICE, "Backup failed"), T0.plus(Duration.ofDays(3)));
        assertEquals(new Decision(c, "subject", false), d);
    }

    @Test
    void sameSubjectWithoutAnySignOfReplyOpensANewCase() {
        // rule c's choice: a second "Backup failed" a week later is a second failure, not a reply
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(null, "new", false),
                thread(mail("a2@alice", null, null, ALICE, "Backup failed"), T0.plus(Duration.ofDays(7))));
    }

    @Test
    void aForwardIsNotAReply() {
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals("new", thread(mail("a2@alice", null, null, ALICE, "Fwd: Backup failed"), T0).rule());
        assertEquals("new", thread(mail("a2@alice", null, null, ALICE, "TR: Backup failed"), T0).rule());
    }

    @Test
    void subjectRuleNeedsTheSameSender() {
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals("new", thread(mail("b1@bob", null, null, BOB, "Re: Backup failed"), T0).rule());
    }

    @Test
    void subjectRuleReachesBack30DaysOnly() {
        long c = aliceOpens("a1@alice", "Backup failed", T0);
        MailFacts reply = mail("a2@alice", null, null, ALICE, "Re: Backup failed");
        assertEquals(c, thread(reply, T0.plus(Duration.ofDays(30))).caseNumber());
        assertNull(thread(reply, T0.plus(Duration.ofDays(30)).plusSeconds(1)).caseNumber());
        assertEquals(c, Threading.thread(reply, cases, T0.plus(Duration.ofDays(60)), Duration.ofDays(90)).caseNumber());
    }

    @Test
    void subjectRuleTakesTheMostRecentlyActiveCase() {
        aliceOpens("a1@alice", "Backup failed", T0);
        long newer = cases.receive(mail("a2@alice", null, null, ALICE, "Backup failed"), T0.plus(Duration.ofDays(2)))
                .caseNumber();
        assertEquals(newer, thread(mail("a3@alice", null, null, ALICE, "Re: Backup failed"), T0.plus(Duration.ofDays(3)))
                .caseNumber());
    }

    @Test
    void emptySubjectNeverMatches() {
        aliceOpens("a1@alice", "Re:", T0);
        assertEquals("new", thread(mail("a2@alice", null, null, ALICE, "Re: "), T0).rule());
        assertEquals("new", thread(mail("a2@alice", "lost@x", null, ALICE, null), T0).rule());
    }

    // d. and robustness

    @Test
    void unrelatedMailOpensANewCase() {
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(null, "new", false), thread(mail("b1@bob", null, null, BOB, "New VM please"), T0));
    }

    @Test
    void nothingKnownIsANewCase() {
        aliceOpens("a1@alice", "Backup failed", T0);
        assertEquals(new Decision(null, "new", false), thread(null, T0));
        assertEquals(new Decision(null, "new", false), thread(new MailFacts(null, null, null, null, null, null), T0));
        assertEquals(new Decision(null, "new", false),
                thread(new MailFacts(" ", "<>", Arrays.asList(null, "", "<>"), " ", " ", null), T0));
    }

    @Test
    void aMailReferencingItselfIsNotItsOwnParent() {
        assertEquals("new", cases.receive(mail("loop@x", "loop@x", List.of("loop@x"), BOB, "Loop"), T0).rule());
    }
}
