package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.coloc.cases.control.CaseSettings;
import org.coloc.cases.control.Languages;
import org.coloc.cases.control.NoReply;
import org.coloc.comments.control.Admission;
import org.coloc.comments.control.AuthorName;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.control.SpamSignals;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.intake.control.MailHeader;
import org.coloc.intake.control.MailTaken;
import org.coloc.intake.control.ParsedMail;
import org.coloc.intake.control.ReplyText;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.platform.Bounded;
import org.coloc.platform.ColocSettings;

/**
 * Incoming mail into comments: what the mail router's comment decisions call ({@code routing.boundary.MailRouting}),
 * always inside the intake's transaction, so a comment commits with its mail. Which post (or which comment a reply
 * answers) the router has decided; here the comment is built, limited and stored:
 * <ul>
 * <li>the shown name is the From display name (cleaned), else "Anonyme"/"Anonymous" in the post's language,
 * never the address; the text is the new text only ({@link ReplyText#newText}; HTML-only mail was turned into
 * text by the parser); an empty text makes no comment;</li>
 * <li>a slug nobody declared creates its post, closed and marked as made by mail: the comment waits for the
 * admin, never lost;</li>
 * <li>the same Message-ID on the same post is taken once (a mail delivered twice, or to two of our addresses);</li>
 * <li>limits ({@link Admission}): per sender and hour, the receiving server's DKIM/SPF verdict
 * ({@link SpamSignals}), auto-approval of known senders through {@link Comments#moderate} (so the same
 * notifications follow); a text over {@code max-chars} is not stored: its sender gets a polite refusal, within the
 * acknowledgement limits of cases.</li>
 * </ul>
 * {@link CommentStored} is fired for every comment stored, once its state is final.
 */
@Stateless
public class CommentMail {

    private static final Logger LOG = Logger.getLogger(CommentMail.class.getName());
    /** Who the change log names for an automatic approval. */
    public static final String AUTO_APPROVE = "auto-approve";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CommentSettings settings;

    @Inject
    CaseSettings caseSettings;

    @Inject
    ColocSettings coloc;

    @EJB
    Posts posts;

    @EJB
    Comments comments;

    @EJB
    OptOuts optOuts;

    @EJB
    Outbox outbox;

    @Inject
    Event<CommentStored> stored;

    /** What became of a mail routed to the comments: the comment stored, or why none was. */
    public record Taken(Long commentId, String reason) {
        static Taken none(String reason) {
            return new Taken(null, reason);
        }
    }

    /**
     * Takes a reader's mail as a comment on the post {@code slug}, or, with {@code replyTo}, as a reply to that
     * comment (on its post).
     */
    public Taken take(MailTaken taken, String slug, Long replyTo) {
        ParsedMail mail = taken.parsed();
        if (mail == null || mail.from() == null || mail.from().address() == null) {
            return Taken.none("no sender");
        }
        Instant now = clock.instant();
        String from = Bounded.key(mail.from().address().strip().toLowerCase(Locale.ROOT), Comment.MAX_ADDRESS);
        Comment parent = null;
        if (replyTo != null) {
            parent = em.find(Comment.class, replyTo);
            if (parent == null) {
                return logged(mail, Taken.none("the comment it answers (#" + replyTo + ") no longer exists"));
            }
        }
        String text = ReplyText.newText(mail.text());
        if (text.isBlank()) {
            return logged(mail, Taken.none("no new text (only quotes, a signature, or nothing)"));
        }
        Post post = parent != null ? em.find(Post.class, parent.getPostId()) : posts.find(slug).orElse(null);
        if (post == null && parent != null) {
            return logged(mail, Taken.none("the post of comment #" + replyTo + " no longer exists"));
        }
        String language = post != null ? post.getLanguage() : Languages.guess(mail.subject(), text);
        if (text.length() > settings.maxChars()) {
            refuse(mail, from, post, slug, language, text.length());
            return logged(mail, Taken.none("too long: " + text.length() + " characters, " + settings.maxChars()
                    + " at most; refused by mail"));
        }
        if (post == null) {
            // a reader's comment on a post nobody declared: held with a closed post the admin completes or deletes
            post = new Post(slug, slug, null, language, false, true, now);
            em.persist(post);
            // the comment's row names it (no mapped relation tells EclipseLink to write the post first)
            em.flush();
            Post made = post;
            LOG.info(() -> "Post '" + made.getSlug() + "' created closed by a comment mail: it waits for the admin");
        }
        String messageId = mail.messageId() == null ? null : Bounded.key(mail.messageId(), Comment.MAX_MESSAGE_ID);
        if (messageId != null && !em.createNamedQuery(Comment.OF_POST_WITH_MESSAGE_ID, Long.class)
                .setParameter("post", post.getId()).setParameter("messageId", messageId).setMaxResults(1)
                .getResultList().isEmpty()) {
            return logged(mail, Taken.none("already taken as a comment on '" + post.getSlug() + "'"));
        }
        long lastHour = em.createNamedQuery(Comment.COUNT_FROM_SINCE, Long.class).setParameter("address", from)
                .setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        long published = settings.autoApproveAfter() <= 0 ? 0
                : em.createNamedQuery(Comment.COUNT_FROM_IN_STATE, Long.class).setParameter("address", from)
                        .setParameter("state", CommentState.PUBLISHED).getSingleResult();
        boolean spamSuspect = SpamSignals.suspect(authenticationResults(mail), caseSettings.authservId().orElse(null));
        Admission.Decision decision = Admission.decide(settings, post.isOpen(), post.isCreatedByMail(), lastHour,
                published, spamSuspect);

        Comment c = new Comment(post.getId(), parent == null ? null : parent.getId(),
                AuthorName.of(mail.from().name(), post.getLanguage()), from, post.getLanguage(), text, now);
        c.setMessageId(messageId);
        c.setInboundMailId(taken.mail() == null ? null : taken.mail().getId());
        c.setSpamSuspect(spamSuspect);
        c.setHeldReason(decision.heldReason());
        // the table generator assigns the id here, before any flush
        em.persist(c);
        if (decision.publish()) {
            comments.moderate(c.getId(), CommentState.PUBLISHED, AUTO_APPROVE);
        }
        stored.fire(new CommentStored(c.getId()));
        Post on = post;
        LOG.info(() -> "Mail " + mail.messageId() + ": comment #" + c.getId() + " on '" + on.getSlug() + "'"
                + (c.getParentId() == null ? "" : " replying to #" + c.getParentId()) + ", " + c.getState().label()
                + (c.getHeldReason() == null ? "" : " (" + c.getHeldReason() + ")"));
        return new Taken(c.getId(), null);
    }

    /**
     * The polite refusal of a comment over the limit, in the post's language, threaded under the reader's mail;
     * never to no-reply, automatic or our own addresses, nor to anyone who opted out of comment mail, and within
     * the acknowledgement limit of cases ({@code coloc.cases.ack-limit} per {@code ack-window-hours}), so a forger
     * cannot turn us into a mail cannon.
     */
    private void refuse(ParsedMail mail, String from, Post post, String slug, String language, int length) {
        if (NoReply.matches(from) || from.equalsIgnoreCase(coloc.address())
                || from.equalsIgnoreCase(settings.address()) || from.length() >= Comment.MAX_ADDRESS
                || optOuts.optedOut(from)) {
            return;
        }
        int limit = caseSettings.ackLimit();
        if (limit <= 0 || outbox.recentlySent(OutboxKind.COMMENT_CONFIRMATION, from, caseSettings.ackWindow()) >= limit) {
            LOG.info(() -> "No refusal for a too long comment: " + limit + " automatic answers already sent to " + from);
            return;
        }
        List<String> references = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
        if (mail.messageId() != null) {
            references.add(mail.messageId());
        }
        String title = post != null ? post.getTitle() : slug;
        outbox.queue(NewMail.template(OutboxKind.COMMENT_CONFIRMATION, List.of(from), "comment-refused", language,
                Map.of("title", Bounded.text(title, 200), "length", Integer.toString(length),
                        "max", Integer.toString(settings.maxChars())))
                .inThread(mail.messageId(), references));
    }

    private static List<String> authenticationResults(ParsedMail mail) {
        return mail.headers() == null ? List.of() : mail.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("Authentication-Results")).map(MailHeader::value).toList();
    }

    private static Taken logged(ParsedMail mail, Taken taken) {
        LOG.info(() -> "Mail " + mail.messageId() + " taken as no comment: " + taken.reason());
        return taken;
    }

    /** The slug of the post of a stored comment (for the router: a reply to it goes there). */
    public Optional<String> postOfComment(long commentId) {
        Comment c = em.find(Comment.class, commentId);
        if (c == null) {
            return Optional.empty();
        }
        Post p = em.find(Post.class, c.getPostId());
        return p == null ? Optional.empty() : Optional.of(p.getSlug());
    }
}
