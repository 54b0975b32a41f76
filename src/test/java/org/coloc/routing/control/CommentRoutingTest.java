package org.coloc.routing.control;

import static org.coloc.routing.control.MailRouterTest.ACK1;
import static org.coloc.routing.control.MailRouterTest.ADMIN;
import static org.coloc.routing.control.MailRouterTest.ALICE;
import static org.coloc.routing.control.MailRouterTest.AUTHSERV;
import static org.coloc.routing.control.MailRouterTest.BOB;
import static org.coloc.routing.control.MailRouterTest.COLOC;
import static org.coloc.routing.control.MailRouterTest.IDS;
import static org.coloc.routing.control.MailRouterTest.MALLORY;
import static org.coloc.routing.control.MailRouterTest.NOW;
import static org.coloc.routing.control.MailRouterTest.auto;
import static org.coloc.routing.control.MailRouterTest.bounce;
import static org.coloc.routing.control.MailRouterTest.facts;
import static org.coloc.routing.control.MailRouterTest.human;
import static org.coloc.routing.control.MailRouterTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.coloc.intake.control.Classification;
import org.coloc.intake.control.MailAddress;
import org.coloc.intake.control.MailHeader;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.control.ParsedMail;
import org.coloc.outbox.control.NewMail;
import org.coloc.routing.control.Route.AddToCase;
import org.coloc.routing.control.Route.As;
import org.coloc.routing.control.Route.CommentOptOut;
import org.coloc.routing.control.Route.Ignore;
import org.coloc.routing.control.Route.NewCase;
import org.coloc.routing.control.Route.NewComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The comment rules of the router, one row per situation, in the world of {@link MailRouterTest} plus: comment 7
 * on the post {@code hello-world}, notified to Alice ({@link #NOTIFY7}) and sent to the admin for moderation
 * ({@link #MODERATE7}); comment 8, notified ({@link #NOTIFY8}) then deleted.
 */
class CommentRoutingTest extends RoutingTable {

    static final String POST = "coloc+hello-world@coloc.example.org";
    static final String NOTIFY7 = IDS.createComment(new NewMail.CommentThread(7, false));
    static final String MODERATE7 = IDS.createComment(new NewMail.CommentThread(7, true));
    static final String NOTIFY8 = IDS.createComment(new NewMail.CommentThread(8, false));
    static final String FORGED7 = "comment-7.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org";
    static final MailRouter ROUTER = new MailRouter(new MailRouter.Settings(COLOC, ADMIN, AUTHSERV, COLOC, "+"));

    CommentRoutingTest() {
        super(ROUTER, Comments::new, NOW, 12);
    }

    @Override
    Stream<Arguments> situations() {
        return Stream.of(
                // a comment on a post
                row("reader writes to the post's plus-address", human(ALICE).to(POST).subject("Bravo"),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS)),
                row("post's address in Cc, the coloc address in To", human(ALICE).to(COLOC, POST).subject("Bravo"),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS)),
                row("client dropped the plus part: the subject tag", human(BOB).subject("Re: [blog:hello-world] Bravo"),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_TAG)),
                row("a stranger's tag, typed in capitals, is a comment like any other",
                        human(MALLORY).subject("[Blog:Hello-World] first!"),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_TAG)),
                row("tag naming no valid slug goes to the cases", human(BOB).subject("[blog:hello world!] x"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("plus detail that is no slug, no tag: a case", human(BOB).to("coloc+hello_world@coloc.example.org"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("plus detail of 101 characters is no slug", human(BOB).to("coloc+" + "a".repeat(101)
                        + "@coloc.example.org"), new NewCase(false, As.CORRESPONDENT)),
                row("plus-address of another domain is not ours", human(BOB).to("coloc+hello-world@evil.example"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("the post's address wins over a case tag", human(ALICE).to(POST).subject("[coloc #1] Bravo"),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS)),

                // replies to our comment mail
                row("answer to a notification is a reply to its comment", human(BOB).inReplyTo(NOTIFY7)
                        .subject("Re: Your comment"), new NewComment("hello-world", 7L, MailRouter.RULE_COMMENT_REPLY)),
                row("answer to a notification sent to another post's address is still a reply to its comment",
                        human(BOB).to("coloc+other-post@coloc.example.org").inReplyTo(NOTIFY7),
                        new NewComment("hello-world", 7L, MailRouter.RULE_COMMENT_REPLY)),
                row("answer that lost In-Reply-To, the notification last in References",
                        human(BOB).references("x@bob.example", NOTIFY7),
                        new NewComment("hello-world", 7L, MailRouter.RULE_COMMENT_REPLY)),
                row("the newest id decides: a case mail naming a notification further up stays in its case",
                        human(ALICE).inReplyTo(ACK1).references(NOTIFY7, ACK1).subject("Re: [coloc #1] x"),
                        new AddToCase(1, As.CORRESPONDENT, "references")),
                row("answer to the admin's moderation mail is never a comment", human(ADMIN).inReplyTo(MODERATE7)
                        .subject("Re: New comment"), new Ignore("")),
                row("answer to the moderation mail sent to the post's address is still no comment",
                        human(ALICE).to(POST).inReplyTo(MODERATE7), new Ignore("")),
                row("forged comment id threads nowhere: a case", human(MALLORY).inReplyTo(FORGED7).subject("Re: x"),
                        new NewCase(false, As.CORRESPONDENT)),
                row("forged comment id to the post's address: a comment on the post, not a reply",
                        human(MALLORY).to(POST).inReplyTo(FORGED7),
                        new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS)),
                row("answer to a notification about a deleted comment stays in the intake",
                        human(BOB).inReplyTo(NOTIFY8), new Ignore("")),

                // unsubscribe
                row("mail to the unsubscribe address opts its sender out", human(ALICE)
                        .to("coloc+unsubscribe@coloc.example.org").subject("unsubscribe"), new CommentOptOut(ALICE)),
                row("unsubscribe address in Bcc (Delivered-To) with a case tag still opts out",
                        human(BOB).to(COLOC, "coloc+unsubscribe@coloc.example.org").subject("[coloc #2] unsubscribe"),
                        new CommentOptOut(BOB)),

                // never comments
                row("auto-reply to a notification", auto(ALICE).to(POST).inReplyTo(NOTIFY7).subject("Absent"),
                        new Ignore("")),
                row("auto-reply to the post's address", auto(ALICE).to(POST).subject("Out of office"), new Ignore("")),
                row("bounce of a notification", bounce(ALICE, "5.1.1").inReplyTo(NOTIFY7), new Ignore("")),
                row("list mail to the post's address", facts(MailKind.LIST, BOB).to(POST), new Ignore("")),
                row("our own mail coming back to the post's address", facts(MailKind.LOOP, COLOC).to(POST),
                        new Ignore("")),
                row("auto-reply to the unsubscribe address opts nobody out",
                        auto(ALICE).to("coloc+unsubscribe@coloc.example.org"), new Ignore("")));
    }

    @Test
    void aPlusAddressOnlyInDeliveredToIsFound() {
        // a Bcc to the post: To names somebody else, the delivering server wrote the address it delivered to
        ParsedMail mail = new ParsedMail("b1@bob.example", null, List.of(), new MailAddress("Bob", BOB),
                List.of(new MailAddress(null, "friends@bob.example")), List.of(), List.of(), "Lu sur ton blog",
                NOW, List.of(new MailHeader("Delivered-To", "<Coloc+Hello-World@coloc.example.org>"),
                        new MailHeader("X-Original-To", POST)), "Joli billet.", null, List.of(), List.of());
        MailFacts facts = MailFacts.of(mail, Classification.of(MailKind.HUMAN, "person"));
        assertEquals(new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS),
                ROUTER.route(facts, new Comments(), NOW));
    }

    @Test
    void withoutACommentAddressNoMailIsAComment() {
        MailRouter noComments = new MailRouter(new MailRouter.Settings(COLOC, ADMIN, AUTHSERV));
        assertEquals(new NewCase(false, As.CORRESPONDENT),
                noComments.route(human(ALICE).to(POST).subject("Bravo").build(), new Comments(), NOW));
        assertEquals(new NewCase(false, As.CORRESPONDENT),
                noComments.route(human(ALICE).inReplyTo(NOTIFY7).build(), new Comments(), NOW));
    }

    @Test
    void aSeparateBlogAddressWithItsOwnDelimiter() {
        MailRouter blog = new MailRouter(new MailRouter.Settings(COLOC, ADMIN, AUTHSERV, "blog@coloc.example.org", "-"));
        assertEquals(new NewComment("hello-world", null, MailRouter.RULE_COMMENT_ADDRESS),
                blog.route(human(ALICE).to("blog-hello-world@coloc.example.org").build(), new Comments(), NOW));
        assertEquals(new NewCase(false, As.CORRESPONDENT),
                blog.route(human(ALICE).to(POST).build(), new Comments(), NOW), "coloc+ is not the blog's address");
        assertEquals(new CommentOptOut(ALICE),
                blog.route(human(ALICE).to("blog-unsubscribe@coloc.example.org").build(), new Comments(), NOW));
    }

    @Test
    void aHugeSubjectIsReadInBoundedTime() {
        String subject = "[blog:".repeat(20_000) + "x";
        assertEquals(new NewCase(false, As.CORRESPONDENT),
                ROUTER.route(human(BOB).subject(subject).build(), new Comments(), NOW));
    }

    /** The cases of {@link MailRouterTest.World}, and comments 7 (on hello-world) and 8 (deleted). */
    static final class Comments extends MailRouterTest.World {
        final Map<Long, String> posts = Map.of(7L, "hello-world");

        @Override
        public Optional<NewMail.CommentThread> commentOf(String messageId) {
            return IDS.commentOf(messageId);
        }

        @Override
        public Optional<String> postOfComment(long commentId) {
            return Optional.ofNullable(posts.get(commentId));
        }
    }
}
