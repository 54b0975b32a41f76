package org.coloc.routing.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.coloc.cases.boundary.CaseMail;
import org.coloc.cases.control.CaseSettings;
import org.coloc.comments.boundary.CommentMail;
import org.coloc.comments.boundary.OptOuts;
import org.coloc.comments.control.CommentSettings;
import org.coloc.intake.control.MailTaken;
import org.coloc.intake.control.MailsArriving;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.platform.ColocSettings;
import org.coloc.routing.control.AddressFailed;
import org.coloc.routing.control.MailFacts;
import org.coloc.routing.control.MailRouter;
import org.coloc.routing.control.Route;
import org.coloc.routing.control.RouteLookups;

/**
 * The one place where incoming mail is routed and the decision applied, inside the intake's transaction (the
 * intake fires {@link MailTaken} synchronously from its batch transaction, so a mail and what it causes commit
 * together). It builds the mail's {@link MailFacts}, asks the {@link MailRouter}, and applies the {@link Route}
 * by calling the component it names: the cases ({@link CaseMail}), also for the answers to maintenance notices
 * (one case per maintenance and member); the blog's comments ({@link CommentMail}: a comment on a post, a reply
 * to a comment) and the opt-outs from comment mail ({@link OptOuts}).
 *
 * <p>Routing sits between the intake and the components that act on mail: the intake knows nothing of cases,
 * and cases decide nothing about where a mail goes.
 */
@ApplicationScoped
public class MailRouting {

    private static final Logger LOG = Logger.getLogger(MailRouting.class.getName());

    @EJB
    CaseMail cases;

    @EJB
    Outbox outbox;

    @Inject
    ColocSettings coloc;

    @Inject
    CaseSettings caseSettings;

    @Inject
    CommentSettings commentSettings;

    @EJB
    CommentMail comments;

    @EJB
    OptOuts optOuts;

    @Inject
    Clock clock;

    @Inject
    Event<AddressFailed> addressFailed;

    /** Recognises our maintenance notices' Message-IDs (the outbox makes them). */
    @Inject
    OutgoingIds outgoingIds;

    /** A batch is about to be taken in: the cases ask ahead, in a few queries, what the router will ask. */
    void onBatch(@Observes MailsArriving arriving) {
        cases.lookUpAhead(arriving.mails());
    }

    void onMail(@Observes MailTaken taken) {
        MailFacts facts = MailFacts.of(taken.parsed(), taken.classification());
        MailRouter router = new MailRouter(new MailRouter.Settings(coloc.address(),
                coloc.adminEmail().orElse(""),
                caseSettings.authservId().orElse(null), commentSettings.address(), commentSettings.plusDelimiter()));
        Route route = router.route(facts, lookups(), clock.instant());
        if (router.claimsToBeTheAdmin(facts) && !isAdmin(route)) {
            LOG.warning(() -> "Mail " + facts.messageId() + " claims to be from the admin without proof: "
                    + "taken as anybody's mail");
        }
        apply(taken, route);
    }

    /** Applies a decision; {@link Route.Handler} makes this exhaustive: a new kind of route must be handled here. */
    void apply(MailTaken taken, Route route) {
        route.applyWith(new Route.Handler<Void>() {
            @Override
            public Void newCase(Route.NewCase r) {
                cases.open(taken, r.foreignTag(), r.as() == Route.As.ADMIN);
                return null;
            }

            @Override
            public Void addToCase(Route.AddToCase r) {
                cases.add(taken, r.caseNumber(), r.as() == Route.As.ADMIN);
                LOG.fine(() -> "Mail " + messageId(taken) + " threaded into case #" + r.caseNumber() + " (" + r.rule()
                        + ")");
                return null;
            }

            @Override
            public Void autoReplyJoins(Route.AutoReplyJoins r) {
                cases.attachAutoReply(taken, r.caseNumber());
                return null;
            }

            @Override
            public Void bounceOf(Route.BounceOf r) {
                cases.bounced(taken, r.caseNumber(), r.address(), r.status(), r.delay());
                if (!r.delay()) {
                    addressFailed.fire(new AddressFailed(r.address(), r.status(),
                            "coloc (bounce of case #" + r.caseNumber() + ")"));
                }
                return null;
            }

            @Override
            public Void openNoticeCase(Route.OpenNoticeCase r) {
                long n = cases.openForNotice(taken, r.maintenanceId(), r.memberId());
                LOG.info(() -> "Mail " + messageId(taken) + " answers a notice of maintenance #" + r.maintenanceId()
                        + " to member #" + r.memberId() + ": case #" + n);
                return null;
            }

            @Override
            public Void noticeBounceOf(Route.NoticeBounceOf r) {
                if (r.caseNumber() != null) {
                    cases.bounced(taken, r.caseNumber(), r.address(), r.status(), r.delay());
                }
                if (!r.delay()) {
                    addressFailed.fire(new AddressFailed(r.address(), r.status(),
                            "coloc (bounce of a notice of maintenance #" + r.maintenanceId() + ")"));
                }
                LOG.info(() -> "Mail " + messageId(taken) + ": delivery of a notice of maintenance #"
                        + r.maintenanceId() + " to " + r.address() + (r.delay() ? " delayed" : " failed")
                        + (r.status() == null ? "" : " (" + r.status() + ")"));
                return null;
            }

            @Override
            public Void newComment(Route.NewComment r) {
                CommentMail.Taken t = comments.take(taken, r.slug(), r.replyTo());
                LOG.fine(() -> "Mail " + messageId(taken) + " routed to the comments (" + r.rule() + "): "
                        + (t.commentId() != null ? "comment #" + t.commentId() : t.reason()));
                return null;
            }

            @Override
            public Void commentOptOut(Route.CommentOptOut r) {
                optOuts.optOut(r.address(), "mailto");
                LOG.info(() -> "Mail " + messageId(taken) + ": " + r.address() + " wants no more comment mail");
                return null;
            }

            @Override
            public Void ignore(Route.Ignore r) {
                LOG.fine(() -> "Mail " + messageId(taken) + " not routed: " + r.reason());
                return null;
            }
        });
    }

    private static boolean isAdmin(Route route) {
        return route instanceof Route.NewCase n && n.as() == Route.As.ADMIN
                || route instanceof Route.AddToCase a && a.as() == Route.As.ADMIN;
    }

    private static String messageId(MailTaken taken) {
        return taken.parsed() == null ? null : taken.parsed().messageId();
    }

    /** The cases and the outbox, as the router sees them. */
    RouteLookups lookups() {
        return new RouteLookups() {
            @Override
            public Optional<Long> caseOfMessageId(String messageId) {
                return cases.caseOfMessageId(messageId);
            }

            @Override
            public boolean exists(long caseNumber) {
                return cases.exists(caseNumber);
            }

            @Override
            public boolean takesPart(long caseNumber, String address) {
                return cases.takesPart(caseNumber, address);
            }

            @Override
            public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
                return cases.activeCase(address, normalisedSubject, since);
            }

            @Override
            public boolean isOurs(String messageId) {
                return cases.isOurs(messageId);
            }

            @Override
            public boolean sentTo(String ourMessageId, String address) {
                return outbox.recipientsOf(ourMessageId).contains(address);
            }

            @Override
            public Optional<NewMail.NoticeThread> noticeOf(String messageId) {
                return outgoingIds.noticeOf(messageId);
            }

            @Override
            public Optional<Long> caseOfNotice(long maintenanceId, long memberId) {
                return cases.caseOfNotice(maintenanceId, memberId);
            }

            @Override
            public Optional<NewMail.CommentThread> commentOf(String messageId) {
                return outgoingIds.commentOf(messageId);
            }

            @Override
            public Optional<String> postOfComment(long commentId) {
                return comments.postOfComment(commentId);
            }
        };
    }
}
