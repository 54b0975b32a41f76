package org.coloc.comments.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.coloc.cases.control.NoReply;
import org.coloc.comments.control.SignedLinks.Link;
import org.coloc.outbox.control.ExtraHeader;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;

/**
 * The mails to readers when a comment is published for the first time: "your comment is published" to its
 * author ({@code comment-published}) and, for a reply, "someone replied to your comment" to the author of the
 * comment it answers ({@code comment-replied}, not when both are the same address). Each names the comment the
 * reader may answer by mail (the published one), answers the reader's own mail where its Message-ID is known,
 * and carries one-click {@code List-Unsubscribe} (RFC 8058). Never to an address that cannot read it (none, an
 * auto-reply or no-reply address); the caller's test ({@code mayMail}) adds opt-outs and the rate limit. Pure code.
 *
 * @param links how the unsubscribe links are signed
 * @param publicUrl the base of the links ({@code coloc.public-url}, no trailing slash)
 * @param unsubscribeMailto {@code mailto:coloc+unsubscribe@domain?subject=unsubscribe}
 * @param unsubscribeLife how long an unsubscribe link works: a notification is kept and its link clicked months
 *        later, and stopping mail to the address the link names is all it can do
 */
public record ReaderNotifications(SignedLinks links, String publicUrl, String unsubscribeMailto,
        Duration unsubscribeLife) {

    /** Characters of the reader's own comment recalled in "someone replied". */
    public static final int RECALL_EXCERPT = 300;

    /**
     * The mails that tell the first publication of {@code comment}.
     *
     * @param parent the comment it answers, or null
     * @param mayMail whether an address may be mailed now (not opted out, within the rate limit); asked at most
     *        once per mail returned, only for addresses that can read mail
     */
    public List<NewMail> published(CommentFacts comment, CommentFacts parent, PostFacts post,
            Predicate<String> mayMail, Instant now) {
        List<NewMail> mails = new ArrayList<>();
        String author = readable(comment.authorAddress());
        if (author != null && mayMail.test(author)) {
            Map<String, Object> v = common(comment, post, author, now);
            mails.add(mail(author, "comment-published", comment.language(), v, comment.id(), comment.messageId()));
        }
        String parentAuthor = parent == null ? null : readable(parent.authorAddress());
        if (parentAuthor != null && !parentAuthor.equals(author) && mayMail.test(parentAuthor)) {
            Map<String, Object> v = common(comment, post, parentAuthor, now);
            String yours = parent.text() == null ? "" : parent.text().strip();
            yours = yours.length() > RECALL_EXCERPT ? yours.substring(0, cutAt(yours, RECALL_EXCERPT)) + " […]" : yours;
            // quoted line by line, as a mail client would: the reader's answer then quotes it again, and the
            // extraction of his new text drops it
            v.put("yourText", String.join("\n> ", yours.lines().toList()));
            v.put("yourName", parent.authorName());
            mails.add(mail(parentAuthor, "comment-replied", parent.language(), v, comment.id(), parent.messageId()));
        }
        return mails;
    }

    /** The unsubscribe link for an address (the List-Unsubscribe URI and the link at the foot of each mail). */
    public String unsubscribeUrl(String address, Instant now) {
        return publicUrl + "/unsubscribe?" + links.query(Link.unsubscribe(address,
                now.plus(unsubscribeLife).truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The address lower-cased, or null when nobody reads it (none, no-reply, mailer-daemon…). */
    static String readable(String address) {
        if (address == null || address.isBlank() || address.length() > SignedLinks.MAX_ADDRESS) {
            return null;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        return NoReply.matches(a) ? null : a;
    }

    private Map<String, Object> common(CommentFacts comment, PostFacts post, String to, Instant now) {
        Map<String, Object> v = new HashMap<>();
        v.put("slug", post.slug());
        v.put("postTitle", post.title());
        v.put("postUrl", post.hasUrl() ? post.url() : "");
        v.put("hasPostUrl", post.hasUrl());
        v.put("authorName", comment.authorName());
        v.put("text", comment.text() == null ? "" : comment.text().strip());
        v.put("unsubscribeUrl", unsubscribeUrl(to, now));
        return v;
    }

    private NewMail mail(String to, String template, String language, Map<String, Object> values, long commentId,
            String inReplyTo) {
        List<String> references = inReplyTo == null ? List.of() : List.of(inReplyTo);
        return NewMail.template(OutboxKind.COMMENT_NOTIFICATION, List.of(to), template, language, values)
                .aboutComment(commentId).inThread(inReplyTo, references)
                .withHeaders(ExtraHeader.unsubscribe(unsubscribeMailto, (String) values.get("unsubscribeUrl")));
    }

    private static int cutAt(String text, int at) {
        return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }
}
