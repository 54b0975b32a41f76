package org.coloc.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import lombok.Setter;
import lombok.experimental.Accessors;
import org.coloc.cases.control.StoredCases;
import org.coloc.intake.control.MailKind;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.routing.control.Route.AddToCase;
import org.coloc.routing.control.Route.As;
import org.coloc.routing.control.Route.AutoReplyJoins;
import org.coloc.routing.control.Route.BounceOf;
import org.coloc.routing.control.Route.Ignore;
import org.coloc.routing.control.Route.NewCase;
import org.coloc.routing.control.Route.NoticeBounceOf;
import org.coloc.routing.control.Route.OpenNoticeCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The routing decision, one row per situation: the facts of a mail against one small world of cases, and the
 * decision expected. The world:
 * <ul>
 * <li>case 1 "Backup failed", requester Alice, participant Carol, active two days ago; Alice's mail
 * {@code a1@alice.example}; our acknowledgement {@link #ACK1} went to Alice;</li>
 * <li>case 2 "Disk full", requester Bob, closed over a year ago; Bob's mail {@code b1@bob.example}; our reply
 * {@link #REPLY2} went to Bob and Dave;</li>
 * <li>case 3, opened by a list mail of a real archive, referred to the junk id {@code yes} (stored before junk
 * ids were ignored);</li>
 * <li>maintenance 5: its announcement {@link #ANNOUNCE5} and reminder {@link #REMIND5} went to Alice as member 11,
 * who never answered;</li>
 * <li>maintenance 6: its announcement {@link #ANNOUNCE6} and reminder {@link #REMIND6} went to Bob as member 12,
 * whose answer opened case 4 (which refers to the announcement); our reply {@link #REPLY4} in it went to Bob.</li>
 * </ul>
 */
class MailRouterTest extends RoutingTable {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String COLOC = "coloc@coloc.example.org";
    static final String ADMIN = "admin@coloc.example.org";
    static final String AUTHSERV = "mx.coloc.example.org";
    static final String ALICE = "alice@alice.example";
    static final String BOB = "bob@bob.example";
    static final String CAROL = "carol@carol.example";
    static final String DAVE = "dave@dave.example";
    static final String MALLORY = "mallory@evil.example";
    static final OutgoingIds IDS = new OutgoingIds("a key of at least sixteen bytes!".getBytes(StandardCharsets.US_ASCII),
            "coloc.example.org");
    static final String ACK1 = IDS.create(1);
    static final String REPLY2 = IDS.create(2);
    static final String FORGED1 = "case-1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org";
    static final String ANNOUNCE5 = IDS.createNotice(5, 11);
    static final String REMIND5 = IDS.createNotice(5, 11);
    static final String ANNOUNCE6 = IDS.createNotice(6, 12);
    static final String REMIND6 = IDS.createNotice(6, 12);
    static final String REPLY4 = IDS.create(4);
    static final String FORGED_NOTICE = "notice-5-11.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org";
    static final String ADMIN_VOUCHED = AUTHSERV + "; dkim=pass header.d=coloc.example.org; spf=pass";

    static final MailRouter ROUTER = new MailRouter(new MailRouter.Settings(COLOC, ADMIN, AUTHSERV));

    MailRouterTest() {
        super(ROUTER, World::new, NOW, 20);
    }

    @Override
    Stream<Arguments> situations() {
        return Stream.of(
                // people writing to cases
                row("stranger's first mail opens a case", human(MALLORY).subject("Une VM pour notre asso ?"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("requester's reply to our acknowledgement", human(ALICE).inReplyTo(ACK1).subject("Re: [coloc #1] x"),
                        new AddToCase(1, As.CORRESPONDENT, "references")),
                row("participant names a mail of the case", human(CAROL).references("a1@alice.example").subject("Re: x"),
                        new AddToCase(1, As.CORRESPONDENT, "references")),
                row("participant uses the tag", human(CAROL).subject("[coloc #1] still failing"),
                        new AddToCase(1, As.CORRESPONDENT, "tag")),
                row("stranger with someone else's tag gets a new, flagged case",
                        human(MALLORY).subject("Re: [coloc #1] Backup failed"), new NewCase(true, As.CORRESPONDENT)),
                row("tag of a case that does not exist", human(ALICE).subject("[coloc #999] Backup failed"),
                        new NewCase(true, As.CORRESPONDENT)),
                row("reply to a closed case goes back into it", human(BOB).references("b1@bob.example").subject("Re: Disk full"),
                        new AddToCase(2, As.CORRESPONDENT, "references")),
                row("reply that lost its headers: same sender, same subject",
                        human(ALICE).subject("RE : Backup failed"), new AddToCase(1, As.CORRESPONDENT, "subject")),
                row("lost headers from another sender do not join", human(BOB).subject("Re: Backup failed"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("plus-addressed recipient: still a new case today",
                        human(DAVE).to("coloc+vm@coloc.example.org").subject("VM"), new NewCase(false, As.CORRESPONDENT)),
                row("no-reply sender: the case opens (cases withhold the acknowledgement)",
                        human("noreply@service.example").subject("Your invoice"), new NewCase(false, As.CORRESPONDENT)),

                // the admin
                row("admin from his own client, proven by our id in In-Reply-To",
                        human(ADMIN).inReplyTo(ACK1).subject("Re: [coloc #1] Backup failed"),
                        new AddToCase(1, As.ADMIN, "references")),
                row("admin proven by our receiving server, tag only", vouchedAdmin().subject("Re: [coloc #2] Disk full"),
                        new AddToCase(2, As.ADMIN, "tag")),
                row("admin proven, writing about something new", vouchedAdmin().subject("Panne"),
                        new NewCase(false, As.ADMIN)),
                row("admin's address unproven, with a tag: anybody's mail, flagged",
                        human(ADMIN).subject("Re: [coloc #1] Backup failed"), new NewCase(true, As.CORRESPONDENT)),
                row("admin's address vouched for by a server we do not trust",
                        human(ADMIN).authenticated("mx.evil.example; dkim=pass header.d=coloc.example.org")
                                .subject("[coloc #1] close it"), new NewCase(true, As.CORRESPONDENT)),
                row("admin's address unproven, naming a mail of the case: incoming, not his reply",
                        human(ADMIN).references("a1@alice.example").subject("Re: Backup failed"),
                        new AddToCase(1, As.CORRESPONDENT, "references")),

                // forged and junk ids
                row("forged Message-ID of ours threads nowhere", human(MALLORY).inReplyTo(FORGED1).subject("Reset root"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("forged Message-ID of ours proves nobody the admin", human(ADMIN).inReplyTo(FORGED1).subject("Reset"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("junk id <yes> in References never threads", human(DAVE).references("yes").subject("Patch for the docs"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("junk id as In-Reply-To never threads", human(DAVE).inReplyTo("<yes>").subject("Another list mail"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("junk own Message-ID never threads", human(DAVE).messageId("yes").subject("Hello"),
                        new NewCase(false, As.CORRESPONDENT)),

                // auto-replies
                row("auto-reply to our reply joins its case", auto(DAVE).inReplyTo(REPLY2).subject("Out of office"),
                        new AutoReplyJoins(2)),
                row("auto-reply to the requester's mail (References) joins its case",
                        auto(ALICE).references("a1@alice.example").subject("Absence"), new AutoReplyJoins(1)),
                row("auto-reply naming nothing of ours is dropped", auto(DAVE).inReplyTo("x@elsewhere.example"),
                        new Ignore("")),
                row("auto-reply naming a forged id of ours is dropped", auto(MALLORY).inReplyTo(FORGED1), new Ignore("")),

                // bounces
                row("bounce of an acknowledgement, our id in the returned original",
                        bounce(ALICE, "5.1.1").returned(ACK1), new BounceOf(ACK1, 1, ALICE, "5.1.1")),
                row("bounce naming our mail in In-Reply-To, address in another case",
                        bounce("BOB@bob.example", null).inReplyTo(REPLY2), new BounceOf(REPLY2, 2, BOB, null)),
                row("delay warning is still a bounce of our mail (marked a delay)",
                        bounce(DAVE, "4.4.1").returned(REPLY2), new BounceOf(REPLY2, 2, DAVE, "4.4.1")),
                row("bounce naming our mail to another address is ignored",
                        bounce(MALLORY, "5.1.1").returned(ACK1), new Ignore("")),
                row("bounce naming a forged id is ignored", bounce(ALICE, "5.1.1").returned(FORGED1), new Ignore("")),
                row("bounce without a failed recipient is ignored", bounce(null, "5.0.0").returned(ACK1), new Ignore("")),

                // never answered nor threaded
                row("mail from our own address (a loop)", facts(MailKind.LOOP, COLOC).inReplyTo(ACK1), new Ignore("")),
                row("list mail, even naming a case", facts(MailKind.LIST, CAROL).references("a1@alice.example"),
                        new Ignore("")),
                row("human mail without a sender", facts(MailKind.HUMAN, null).subject("[coloc #1]"), new Ignore("")),

                // maintenance notices (issue 10)
                row("member's first answer to a notice opens the case of the maintenance and member",
                        human(ALICE).inReplyTo(ANNOUNCE5).references(ANNOUNCE5).subject("Re: Maintenance de h1"),
                        new OpenNoticeCase(5, 11)),
                row("member's first answer, to a reminder, opens the same case",
                        human(ALICE).inReplyTo(REMIND5).references(ANNOUNCE5, REMIND5).subject("Re: Rappel"),
                        new OpenNoticeCase(5, 11)),
                row("member's answer that lost In-Reply-To, the notice in References",
                        human(ALICE).references(ANNOUNCE5, "x@alice.example").subject("Re: Maintenance de h1"),
                        new OpenNoticeCase(5, 11)),
                row("answer to another notice of a maintenance whose case is open joins it",
                        human(BOB).inReplyTo(REMIND6).references(ANNOUNCE6, REMIND6).subject("Re: Rappel"),
                        new AddToCase(4, As.CORRESPONDENT, MailRouter.RULE_NOTICE)),
                row("answer to our reply in the notice case is threaded as case mail",
                        human(BOB).inReplyTo(REPLY4).references(ANNOUNCE6, REPLY4).subject("Re: [coloc #4] Re: h2"),
                        new AddToCase(4, As.CORRESPONDENT, "references")),
                row("stranger naming a notice is anybody's mail: a case of his own",
                        human(MALLORY).inReplyTo(ANNOUNCE5).subject("Re: Maintenance de h1"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("stranger naming the notice of an open case joins its thread as anybody, never as a participant",
                        human(MALLORY).inReplyTo(ANNOUNCE6).subject("Re: Maintenance de h2"),
                        new AddToCase(4, As.CORRESPONDENT, "references")),
                row("forged notice id is nobody's notice", human(ALICE).inReplyTo(FORGED_NOTICE).subject("Re: Maintenance"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("auto-reply to a notice of a member without a case stays in the intake",
                        auto(ALICE).inReplyTo(ANNOUNCE5).subject("Absence"), new Ignore("")),
                row("auto-reply to a notice joins the case of its maintenance and member",
                        auto(BOB).inReplyTo(REMIND6).subject("Out of office"), new AutoReplyJoins(4)),
                row("auto-reply naming a forged notice is dropped", auto(ALICE).inReplyTo(FORGED_NOTICE), new Ignore("")),
                row("bounce of a notice, our id in the returned original",
                        bounce(ALICE, "5.1.1").returned(ANNOUNCE5), new NoticeBounceOf(ANNOUNCE5, 5, 11, ALICE, "5.1.1", null)),
                row("bounce of a notice whose member has a case joins it",
                        bounce(BOB, "5.2.2").inReplyTo(REMIND6), new NoticeBounceOf(REMIND6, 6, 12, BOB, "5.2.2", 4L)),
                row("delay of a notice (marked a delay)", bounce(ALICE, "4.4.1").returned(REMIND5),
                        new NoticeBounceOf(REMIND5, 5, 11, ALICE, "4.4.1", null)),
                row("bounce naming a notice to another address is ignored", bounce(MALLORY, "5.1.1").returned(ANNOUNCE5),
                        new Ignore("")),
                row("bounce naming a forged notice is ignored", bounce(ALICE, "5.1.1").returned(FORGED_NOTICE),
                        new Ignore("")),
                row("list mail naming a notice", facts(MailKind.LIST, ALICE).inReplyTo(ANNOUNCE5), new Ignore("")));
    }

    @Test
    void nothingParsedIsIgnored() {
        assertInstanceOf(Ignore.class, ROUTER.route(null, new World(), NOW));
    }

    @Test
    void junkIdsAreNeverAskedAbout() {
        World world = new World();
        ROUTER.route(human(DAVE).messageId("yes").inReplyTo("<yes>").references("yes", "no", "<>", "ok@x.example")
                .subject("Re: patch").build(), world, NOW);
        ROUTER.route(auto(DAVE).inReplyTo("yes").build(), world, NOW);
        ROUTER.route(bounce(DAVE, "5.1.1").inReplyTo("yes").returned("yes").build(), world, NOW);
        assertEquals(List.of("ok@x.example"), world.asked);
    }

    @Test
    void aNoticeDelayIsNotAFailure() {
        assertTrue(new NoticeBounceOf(REMIND5, 5, 11, ALICE, "4.4.1", null).delay());
        assertFalse(new NoticeBounceOf(REMIND5, 5, 11, ALICE, "5.1.1", null).delay());
    }

    @Test
    void theAdminNamingANoticeIsNotItsMember() {
        // the admin answering a notice he was copied on, from his own client: his mail, not the member's case
        assertEquals(new NewCase(false, As.ADMIN),
                ROUTER.route(vouchedAdmin().inReplyTo(ANNOUNCE5).subject("Re: Maintenance de h1").build(), new World(), NOW));
    }

    @Test
    void aDelayIsNotAFailure() {
        assertTrue(new BounceOf(REPLY2, 2, DAVE, "4.4.1").delay());
        assertFalse(new BounceOf(ACK1, 1, ALICE, "5.1.1").delay());
        assertFalse(new BounceOf(ACK1, 1, ALICE, null).delay(), "no status counts as permanent");
    }

    @Test
    void withoutAnAdminNobodyIsTheAdmin() {
        MailRouter noAdmin = new MailRouter(new MailRouter.Settings(COLOC, "", AUTHSERV));
        assertEquals(new AddToCase(1, As.CORRESPONDENT, "references"),
                noAdmin.route(human(ADMIN).inReplyTo(ACK1).subject("[coloc #2] x").build(), new World(), NOW));
        assertEquals(new NewCase(true, As.CORRESPONDENT),
                noAdmin.route(vouchedAdmin().subject("[coloc #2] x").build(), new World(), NOW));
        assertFalse(noAdmin.claimsToBeTheAdmin(human(ADMIN).build()));
        assertTrue(ROUTER.claimsToBeTheAdmin(human("Admin@Coloc.example.org").build()));
        assertFalse(ROUTER.claimsToBeTheAdmin(auto(ADMIN).build()), "his out-of-office claims nothing");
    }

    // the world

    /** Cases 1–3 as the class comment describes them, as the container's lookups would answer. */
    static class World extends StoredCases implements RouteLookups {
        final Map<Long, String> subjects = Map.of(1L, "backup failed", 2L, "disk full", 3L, "patch for the docs",
                4L, "maintenance de h2");
        final Map<Long, Instant> active = Map.of(1L, NOW.minus(Duration.ofDays(2)), 2L, NOW.minus(Duration.ofDays(400)),
                3L, NOW.minus(Duration.ofDays(1)), 4L, NOW.minus(Duration.ofDays(3)));
        final Map<String, Set<String>> sent = Map.of(ACK1, Set.of(ALICE), REPLY2, Set.of(BOB, DAVE),
                ANNOUNCE5, Set.of(ALICE), REMIND5, Set.of(ALICE), ANNOUNCE6, Set.of(BOB), REMIND6, Set.of(BOB),
                REPLY4, Set.of(BOB));
        /** The cases of maintenance:member. */
        final Map<String, Long> noticeCases = Map.of("6:12", 4L);
        final List<String> asked = new ArrayList<>();

        World() {
            super(IDS);
            stored.putAll(Map.of("a1@alice.example", 1L, ACK1, 1L, "b1@bob.example", 2L, REPLY2, 2L, REPLY4, 4L));
            referenced.putAll(Map.of("yes", 3L, ANNOUNCE6, 4L));
            participants.putAll(Map.of(1L, Set.of(ALICE, CAROL), 2L, Set.of(BOB), 3L, Set.of("list@x.example"),
                    4L, Set.of(BOB)));
        }

        @Override
        public Optional<Long> caseOfMessageId(String messageId) {
            asked.add(messageId);
            return super.caseOfMessageId(messageId);
        }

        @Override
        public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
            return participants.keySet().stream().filter(n -> takesPart(n, address)
                    && subjects.get(n).equals(normalisedSubject) && !active.get(n).isBefore(since)).findFirst();
        }

        @Override
        public boolean isOurs(String messageId) {
            return IDS.caseOf(messageId) != null;
        }

        @Override
        public boolean sentTo(String ourMessageId, String address) {
            return sent.getOrDefault(ourMessageId, Set.of()).contains(address);
        }

        @Override
        public Optional<NewMail.NoticeThread> noticeOf(String messageId) {
            return IDS.noticeOf(messageId);
        }

        @Override
        public Optional<Long> caseOfNotice(long maintenanceId, long memberId) {
            return Optional.ofNullable(noticeCases.get(maintenanceId + ":" + memberId));
        }
    }

    // the facts

    static Arguments row(String situation, Facts facts, Route expected) {
        return Arguments.of(situation, facts.build(), expected);
    }

    static Facts human(String from) {
        return facts(MailKind.HUMAN, from);
    }

    /** The admin's own mail, his address vouched for by our receiving server. */
    static Facts vouchedAdmin() {
        return human(ADMIN).authenticated(ADMIN_VOUCHED);
    }

    static Facts auto(String from) {
        return facts(MailKind.AUTO_REPLY, from);
    }

    static Facts bounce(String failed, String status) {
        Facts f = facts(MailKind.BOUNCE, "mailer-daemon@mx.example");
        f.failed = failed;
        f.status = status;
        return f;
    }

    static Facts facts(MailKind kind, String from) {
        Facts f = new Facts();
        f.kind = kind;
        f.from = from;
        return f;
    }

    /**
     * A mail's facts, written the way a row reads. The setters of the one-value facts are Lombok's (fluent, each
     * returning the facts for the next); the references, the one fact a row gives several of, has its own.
     */
    @Accessors(fluent = true, chain = true)
    static final class Facts {
        MailKind kind;
        String from;
        @Setter
        String messageId = "m" + Math.abs(System.identityHashCode(this)) + "@sender.example";
        @Setter
        String inReplyTo;
        List<String> references = List.of();
        /** The addresses it was sent to (To, Cc, Delivered-To…). */
        List<String> to = List.of(COLOC);
        @Setter
        String subject;
        /** What the receiving server's Authentication-Results header says, if it wrote one. */
        @Setter
        String authenticated;
        String failed;
        String status;
        /** The Message-ID a bounce returns, if any. */
        @Setter
        String returned;

        Facts to(String... addresses) {
            to = List.of(addresses);
            return this;
        }

        Facts references(String... ids) {
            references = List.of(ids);
            return this;
        }

        MailFacts build() {
            return new MailFacts(kind, messageId, from == null ? null : from.toLowerCase(Locale.ROOT), to,
                    inReplyTo, references, subject, NOW, listOf(authenticated), failed, status, listOf(returned));
        }

        private static List<String> listOf(String fact) {
            return fact == null ? List.of() : List.of(fact);
        }
    }
}
