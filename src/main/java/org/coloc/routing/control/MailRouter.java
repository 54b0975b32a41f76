package org.coloc.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.coloc.cases.control.AdminProof;
import org.coloc.cases.control.Threading;
import org.coloc.comments.control.Slugs;
import org.coloc.intake.control.MailKind;
import org.coloc.outbox.control.NewMail;

/**
 * Decides what becomes of an incoming mail: one {@link Route} per mail, from its {@link MailFacts} and what
 * {@link RouteLookups} say of the stored cases and our sent mail. Pure code: no database, no clock, no
 * configuration of its own; it writes nothing.
 *
 * <p>Rules are asked in order, the first that decides wins:
 * <ol>
 * <li>nothing parsed → ignore;</li>
 * <li>a bounce → {@link Route.BounceOf} when it names a mail of ours (in its headers or in the returned
 * original) that went to the very address it reports, {@link Route.NoticeBounceOf} when that mail is a
 * maintenance notice, else ignored: anybody holding our acknowledgement can forge a bounce naming it and an
 * address of his choice;</li>
 * <li>an auto-reply → {@link Route.AutoReplyJoins} the case of the first mail it names (for a maintenance
 * notice: the case of its maintenance and member, if the member ever answered), else ignored; never
 * answered;</li>
 * <li>a person's mail to the comment address's unsubscribe detail ({@code coloc+unsubscribe@…}) →
 * {@link Route.CommentOptOut}: no more comment mail to him;</li>
 * <li>a person's answer to one of our comment mails (the newest id it names, In-Reply-To else the last
 * References entry, is one of our keyed comment ids): to a notification about comment C → {@link Route.NewComment}
 * replying to C, whatever address it went to; to the admin's moderation mail → ignored (never a comment, it stays
 * in the intake);</li>
 * <li>a person's answer to a maintenance notice, from the address the notice went to → the one case of that
 * maintenance and member: {@link Route.OpenNoticeCase} the first time, {@link Route.AddToCase} afterwards.
 * The newest of our ids the mail names decides: a case's id of ours there leaves the mail to threading; a
 * notice named by anybody else is anybody's mail (the next rule), so naming a notice widens nobody's access
 * to a case;</li>
 * <li>a person's mail to a post: a recipient (To, Cc, Delivered-To, X-Original-To) is the comment address
 * plus-addressed with a valid slug ({@code coloc+<slug>@…}), else its subject carries {@code [blog:<slug>]}
 * (clients that drop the plus part) → {@link Route.NewComment} on that post;</li>
 * <li>a human mail with a sender → into a case by {@link Threading} (a new case, or case N as the
 * correspondent's mail or, from the admin proven by {@link AdminProof}, as his reply);</li>
 * <li>anything else (list mail, our own mail coming back, no sender) → ignored.</li>
 * </ol>
 * Comment rules need a comment address ({@link Settings#commentAddress}); without one (the three-value
 * {@link Settings}) no mail is a comment. Auto-replies, bounces, list mail and loops never reach them (the rules
 * above, and their kind check). A new flow is a new rule placed before
 * the human rule: it recognises its mail (a plus-address, see {@link MailFacts#plusDetail}, or one of its own
 * Message-IDs in In-Reply-To) and returns a new {@link Route} record; mail it does not claim goes on to the cases.
 *
 * <p>Ids that are not {@code left@right} are never looked up (see {@link Threading#id}).
 */
public final class MailRouter {

    /** One step of the routing: a decision, or empty when the mail is not this rule's business. */
    @FunctionalInterface
    interface Rule {
        Optional<Route> decide(MailFacts mail, RouteLookups lookups, Instant now);
    }

    /**
     * The addresses the rules need: ours, the admin's (blank: no admin), the receiving server's authserv-id, and
     * the blog's comment address with its plus delimiter (blank: no comments).
     */
    public record Settings(String colocAddress, String adminAddress, String trustedAuthservId, String commentAddress,
            String plusDelimiter) {
        public Settings {
            colocAddress = colocAddress == null ? "" : colocAddress.strip().toLowerCase(Locale.ROOT);
            adminAddress = adminAddress == null ? "" : adminAddress.strip().toLowerCase(Locale.ROOT);
            commentAddress = commentAddress == null ? "" : commentAddress.strip().toLowerCase(Locale.ROOT);
            plusDelimiter = plusDelimiter == null || plusDelimiter.isEmpty() ? "+" : plusDelimiter;
        }

        /** Without comments: no mail is taken as a comment. */
        public Settings(String colocAddress, String adminAddress, String trustedAuthservId) {
            this(colocAddress, adminAddress, trustedAuthservId, "", "+");
        }
    }

    /** The rule of an {@link Route.AddToCase} that a member's answer to a maintenance notice made. */
    public static final String RULE_NOTICE = "notice";
    /** The rules of a {@link Route.NewComment}: the post's plus-address, its subject tag, an answer to our mail. */
    public static final String RULE_COMMENT_ADDRESS = "address";
    public static final String RULE_COMMENT_TAG = "tag";
    public static final String RULE_COMMENT_REPLY = "reply";
    /** The detail of the comment address that opts its sender out of comment mail. */
    public static final String UNSUBSCRIBE = "unsubscribe";

    private final Settings settings;
    private final List<Rule> rules;

    public MailRouter(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = List.of(this::bounce, this::autoReply, this::commentOptOut, this::commentReply,
                this::noticeAnswer, this::commentOnPost, this::human);
    }

    /** The decision for this mail ({@code mail} may be null: nothing was parsed). */
    public Route route(MailFacts mail, RouteLookups lookups, Instant now) {
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(now, "now");
        if (mail == null) {
            return new Route.Ignore("not parsed");
        }
        for (Rule rule : rules) {
            Optional<Route> decided = rule.decide(mail, lookups, now);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return new Route.Ignore((mail.kind() == null ? "unclassified" : mail.kind().label()) + " mail"
                + (mail.kind() == MailKind.HUMAN ? " without a sender" : "") + ": never answered nor threaded");
    }

    /**
     * Whether a person's mail claims to be the admin's (From: his address), proven or not; his out-of-office
     * reply or a bounce naming him claims nothing.
     */
    public boolean claimsToBeTheAdmin(MailFacts mail) {
        return mail != null && mail.kind() == MailKind.HUMAN && isAdmin(mail.sender());
    }

    private Optional<Route> bounce(MailFacts mail, RouteLookups lookups, Instant now) {
        if (mail.kind() != MailKind.BOUNCE) {
            return Optional.empty();
        }
        if (mail.failedRecipient() == null || mail.failedRecipient().isBlank()) {
            return Optional.of(new Route.Ignore("bounce naming no failed recipient"));
        }
        String address = mail.failedRecipient().strip().toLowerCase(Locale.ROOT);
        Set<String> ids = new LinkedHashSet<>(parentIds(mail));
        for (String returned : mail.returnedIds()) {
            if (ids.size() >= MailFacts.MAX_BOUNCE_IDS) {
                break;
            }
            String id = Threading.id(returned);
            if (id != null) {
                ids.add(id);
            }
        }
        for (String id : ids) {
            // a notice's id says which maintenance and member itself: no case need hold it
            Optional<NewMail.NoticeThread> notice = lookups.noticeOf(id);
            if (notice.isPresent()) {
                if (lookups.sentTo(id, address)) {
                    NewMail.NoticeThread t = notice.get();
                    return Optional.of(new Route.NoticeBounceOf(id, t.maintenanceId(), t.memberId(), address,
                            mail.deliveryStatus(), lookups.caseOfNotice(t.maintenanceId(), t.memberId()).orElse(null)));
                }
                continue;
            }
            Optional<Long> n = lookups.caseOfMessageId(id);
            if (n != null && n.isPresent() && lookups.sentTo(id, address)) {
                return Optional.of(new Route.BounceOf(id, n.get(), address, mail.deliveryStatus()));
            }
        }
        return Optional.of(new Route.Ignore("bounce for " + address + " naming no mail of ours to that address"));
    }

    private Optional<Route> autoReply(MailFacts mail, RouteLookups lookups, Instant now) {
        if (mail.kind() != MailKind.AUTO_REPLY) {
            return Optional.empty();
        }
        for (String id : parentIds(mail)) {
            Optional<NewMail.NoticeThread> notice = lookups.noticeOf(id);
            if (notice.isPresent()) {
                NewMail.NoticeThread t = notice.get();
                return Optional.of(lookups.caseOfNotice(t.maintenanceId(), t.memberId())
                        .<Route>map(Route.AutoReplyJoins::new)
                        .orElseGet(() -> new Route.Ignore("auto-reply to a notice of maintenance #" + t.maintenanceId()
                                + " to member #" + t.memberId() + ", who has no case about it: kept in the intake, "
                                + "never answered")));
            }
            Optional<Long> n = lookups.caseOfMessageId(id);
            if (n != null && n.isPresent()) {
                return Optional.of(new Route.AutoReplyJoins(n.get()));
            }
        }
        return Optional.of(new Route.Ignore("auto-reply naming no mail of a case"));
    }

    /**
     * A person answering a maintenance notice from the address it went to. The ids are read newest first
     * (In-Reply-To, then References from the last): the first of ours decides, so an answer to the admin's
     * reply in the notice case is threaded as any case mail, and one to a later notice finds the same case.
     */
    private Optional<Route> noticeAnswer(MailFacts mail, RouteLookups lookups, Instant now) {
        if (mail.kind() != MailKind.HUMAN || mail.sender() == null || mail.sender().isBlank()) {
            return Optional.empty();
        }
        for (String id : newestFirst(mail)) {
            if (lookups.isOurs(id)) {
                return Optional.empty();
            }
            Optional<NewMail.NoticeThread> notice = lookups.noticeOf(id);
            if (notice.isPresent()) {
                if (!lookups.sentTo(id, mail.sender())) {
                    // not the member's own answer: whoever forwarded or guessed the id is anybody
                    return Optional.empty();
                }
                NewMail.NoticeThread t = notice.get();
                return Optional.of(lookups.caseOfNotice(t.maintenanceId(), t.memberId())
                        .<Route>map(n -> new Route.AddToCase(n, Route.As.CORRESPONDENT, RULE_NOTICE))
                        .orElseGet(() -> new Route.OpenNoticeCase(t.maintenanceId(), t.memberId())));
            }
        }
        return Optional.empty();
    }

    /** A person (not our own address) writing, while comments are on. */
    private boolean commentable(MailFacts mail) {
        return !settings.commentAddress().isBlank() && mail.kind() == MailKind.HUMAN && mail.sender() != null
                && !mail.sender().isBlank() && !mail.sender().equals(settings.colocAddress())
                && !mail.sender().equals(settings.commentAddress());
    }

    private Optional<Route> commentOptOut(MailFacts mail, RouteLookups lookups, Instant now) {
        if (!commentable(mail)
                || !mail.plusDetails(settings.commentAddress(), settings.plusDelimiter()).contains(UNSUBSCRIBE)) {
            return Optional.empty();
        }
        return Optional.of(new Route.CommentOptOut(mail.sender()));
    }

    /**
     * The newest id the mail names decides (In-Reply-To, else the last References entry): an answer to a
     * notification names it there, and an older comment id further up a thread that went on elsewhere (a case)
     * does not make a comment. Forged ids do not check out ({@link RouteLookups#commentOf}).
     */
    private Optional<Route> commentReply(MailFacts mail, RouteLookups lookups, Instant now) {
        if (!commentable(mail)) {
            return Optional.empty();
        }
        List<String> ids = newestFirst(mail);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Optional<NewMail.CommentThread> thread = lookups.commentOf(ids.get(0));
        if (thread.isEmpty()) {
            return Optional.empty();
        }
        long comment = thread.get().commentId();
        if (thread.get().moderation()) {
            return Optional.of(new Route.Ignore("answer to the moderation mail about comment #" + comment
                    + ": never a comment, kept in the intake"));
        }
        return Optional.of(lookups.postOfComment(comment)
                .<Route>map(slug -> new Route.NewComment(slug, comment, RULE_COMMENT_REPLY))
                .orElseGet(() -> new Route.Ignore("answer to a notification about comment #" + comment
                        + ", which no longer exists: kept in the intake")));
    }

    private Optional<Route> commentOnPost(MailFacts mail, RouteLookups lookups, Instant now) {
        if (!commentable(mail)) {
            return Optional.empty();
        }
        for (String detail : mail.plusDetails(settings.commentAddress(), settings.plusDelimiter())) {
            if (Slugs.valid(detail)) {
                return Optional.of(new Route.NewComment(detail, null, RULE_COMMENT_ADDRESS));
            }
        }
        return Slugs.fromSubject(mail.subject()).map(slug -> new Route.NewComment(slug, null, RULE_COMMENT_TAG));
    }

    private Optional<Route> human(MailFacts mail, RouteLookups lookups, Instant now) {
        if (mail.kind() != MailKind.HUMAN || mail.sender() == null || mail.sender().isBlank()) {
            return Optional.empty();
        }
        // a From: naming the admin is only his if the mail proves it: a forger would otherwise silence a case
        boolean admin = AdminProof.proven(mail.sender(), settings.adminAddress(), mail.inReplyTo(), lookups::isOurs,
                mail.authenticationResults(), settings.trustedAuthservId());
        Route.As as = admin ? Route.As.ADMIN : Route.As.CORRESPONDENT;
        Threading.Decision d = Threading.thread(new Threading.MailFacts(mail.messageId(), mail.inReplyTo(),
                mail.references(), mail.sender(), mail.subject(), mail.date()), adminAware(lookups, admin), now);
        return Optional.of(d.caseNumber() != null ? new Route.AddToCase(d.caseNumber(), as, d.rule())
                : new Route.NewCase(d.foreignTag(), as));
    }

    /**
     * The lookups, with the admin taking part in every case once his mail is proven his (his tagged mail from
     * his own client is his reply); unproven, a mail in his name takes part in none.
     */
    private Threading.CaseLookup adminAware(RouteLookups lookups, boolean adminProven) {
        return new Threading.CaseLookup() {
            @Override
            public Optional<Long> caseOfMessageId(String messageId) {
                return lookups.caseOfMessageId(messageId);
            }

            @Override
            public boolean exists(long caseNumber) {
                return lookups.exists(caseNumber);
            }

            @Override
            public boolean takesPart(long caseNumber, String address) {
                if (isAdmin(address)) {
                    return adminProven && lookups.exists(caseNumber);
                }
                return lookups.takesPart(caseNumber, address);
            }

            @Override
            public Optional<Long> activeCase(String address, String normalisedSubject, Instant since) {
                return lookups.activeCase(address, normalisedSubject, since);
            }
        };
    }

    private boolean isAdmin(String address) {
        return address != null && !settings.adminAddress().isBlank()
                && address.strip().equalsIgnoreCase(settings.adminAddress());
    }

    /**
     * In-Reply-To, then References from the newest (last) back, usable ids only, without repeats: at most
     * {@link Threading#MAX_REFERENCES} references, so a mail naming thousands costs no more than threading it.
     */
    private static List<String> newestFirst(MailFacts mail) {
        Set<String> ids = new LinkedHashSet<>();
        String irt = Threading.id(mail.inReplyTo());
        if (irt != null) {
            ids.add(irt);
        }
        List<String> refs = mail.references();
        for (int i = refs.size() - 1; i >= 0 && ids.size() <= Threading.MAX_REFERENCES; i--) {
            String id = Threading.id(refs.get(i));
            if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** In-Reply-To then References, usable ids only ({@code left@right}), without repeats. */
    private static List<String> parentIds(MailFacts mail) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        all.add(mail.inReplyTo());
        all.addAll(mail.references());
        for (String raw : all) {
            String id = Threading.id(raw);
            if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
