package org.coloc.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.coloc.cases.boundary.CaseMail;
import org.coloc.comments.boundary.CommentMail;
import org.coloc.comments.boundary.OptOuts;
import org.coloc.intake.control.MailTaken;
import org.coloc.routing.control.AddressFailed;
import org.coloc.routing.control.Route;
import org.junit.jupiter.api.Test;

/**
 * The applying side, out of the container: each decision reaches exactly the one operation it names, and a
 * bounce tells the members (by event) only when delivery failed for good.
 */
class MailRoutingTest {

    private final List<String> calls = new ArrayList<>();
    private final List<AddressFailed> fired = new ArrayList<>();
    private final MailTaken taken = new MailTaken(null, null, null);
    private final MailRouting routing = new MailRouting();

    MailRoutingTest() {
        routing.cases = new CaseMail() {
            @Override
            public void open(MailTaken t, boolean foreignTag, boolean fromAdmin) {
                calls.add("open foreignTag=" + foreignTag + " admin=" + fromAdmin);
            }

            @Override
            public void add(MailTaken t, long caseNumber, boolean fromAdmin) {
                calls.add("add #" + caseNumber + " admin=" + fromAdmin);
            }

            @Override
            public void attachAutoReply(MailTaken t, long caseNumber) {
                calls.add("auto-reply #" + caseNumber);
            }

            @Override
            public void bounced(MailTaken t, long caseNumber, String address, String status, boolean delay) {
                calls.add("bounce #" + caseNumber + " " + address + " " + status + " delay=" + delay);
            }

            @Override
            public long openForNotice(MailTaken t, long maintenanceId, long memberId) {
                calls.add("notice case maintenance=" + maintenanceId + " member=" + memberId);
                return 9;
            }
        };
        routing.addressFailed = new Recorder();
        routing.comments = new CommentMail() {
            @Override
            public Taken take(MailTaken t, String slug, Long replyTo) {
                calls.add("comment on " + slug + (replyTo == null ? "" : " replying to #" + replyTo));
                return new Taken(1L, null);
            }
        };
        routing.optOuts = new OptOuts() {
            @Override
            public void optOut(String address, String via) {
                calls.add("opt-out " + address + " via " + via);
            }
        };
    }

    @Test
    void aCommentGoesToTheCommentsNotToACase() {
        routing.apply(taken, new Route.NewComment("hello-world", null, "address"));
        routing.apply(taken, new Route.NewComment("hello-world", 7L, "reply"));
        assertEquals(List.of("comment on hello-world", "comment on hello-world replying to #7"), calls);
        assertEquals(List.of(), fired);
    }

    @Test
    void theUnsubscribeAddressOptsItsSenderOut() {
        routing.apply(taken, new Route.CommentOptOut("alice@a.example"));
        assertEquals(List.of("opt-out alice@a.example via mailto"), calls);
    }

    @Test
    void aNewCaseIsOpened() {
        routing.apply(taken, new Route.NewCase(true, Route.As.CORRESPONDENT));
        assertEquals(List.of("open foreignTag=true admin=false"), calls);
    }

    @Test
    void theAdminsMailJoinsAsHisReply() {
        routing.apply(taken, new Route.AddToCase(4, Route.As.ADMIN, "tag"));
        routing.apply(taken, new Route.AddToCase(5, Route.As.CORRESPONDENT, "references"));
        assertEquals(List.of("add #4 admin=true", "add #5 admin=false"), calls);
    }

    @Test
    void anAutoReplyJoinsItsCase() {
        routing.apply(taken, new Route.AutoReplyJoins(7));
        assertEquals(List.of("auto-reply #7"), calls);
        assertEquals(List.of(), fired);
    }

    @Test
    void aFailureMarksTheCaseAndTellsTheMembers() {
        routing.apply(taken, new Route.BounceOf("case-3.x.y@coloc.example", 3, "alice@a.example", "5.1.1"));
        assertEquals(List.of("bounce #3 alice@a.example 5.1.1 delay=false"), calls);
        assertEquals(List.of(new AddressFailed("alice@a.example", "5.1.1", "coloc (bounce of case #3)")), fired);
    }

    @Test
    void aDelayTellsNoMember() {
        routing.apply(taken, new Route.BounceOf("case-3.x.y@coloc.example", 3, "alice@a.example", "4.4.1"));
        assertEquals(List.of("bounce #3 alice@a.example 4.4.1 delay=true"), calls);
        assertEquals(List.of(), fired);
    }

    @Test
    void anAnswerToANoticeOpensTheCaseOfItsMaintenanceAndMember() {
        routing.apply(taken, new Route.OpenNoticeCase(5, 11));
        assertEquals(List.of("notice case maintenance=5 member=11"), calls);
        assertEquals(List.of(), fired);
    }

    @Test
    void aFailedNoticeMarksTheAddressAndJoinsNoCaseWhenThereIsNone() {
        routing.apply(taken, new Route.NoticeBounceOf("notice-5-11.x.y@coloc.example", 5, 11, "alice@a.example",
                "5.1.1", null));
        assertEquals(List.of(), calls, "never answered, no case opened");
        assertEquals(List.of(new AddressFailed("alice@a.example", "5.1.1",
                "coloc (bounce of a notice of maintenance #5)")), fired);
    }

    @Test
    void aFailedNoticeJoinsTheCaseOfItsMaintenanceAndMember() {
        routing.apply(taken, new Route.NoticeBounceOf("notice-6-12.x.y@coloc.example", 6, 12, "bob@b.example",
                "5.2.2", 4L));
        assertEquals(List.of("bounce #4 bob@b.example 5.2.2 delay=false"), calls);
        assertEquals(1, fired.size());
    }

    @Test
    void aDelayedNoticeTellsNoMember() {
        routing.apply(taken, new Route.NoticeBounceOf("notice-5-11.x.y@coloc.example", 5, 11, "alice@a.example",
                "4.4.1", null));
        assertEquals(List.of(), calls);
        assertEquals(List.of(), fired);
    }

    @Test
    void anIgnoredMailTouchesNothing() {
        routing.apply(taken, new Route.Ignore("list mail"));
        assertEquals(List.of(), calls);
        assertEquals(List.of(), fired);
    }

    /** Records what is fired; nothing else of Event is used. */
    private final class Recorder implements Event<AddressFailed> {
        @Override
        public void fire(AddressFailed event) {
            fired.add(event);
        }

        @Override
        public <U extends AddressFailed> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressFailed> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<AddressFailed> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressFailed> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressFailed> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
