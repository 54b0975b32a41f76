package org.coloc.comments.entity;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.coloc.platform.TrackedRecord;

/**
 * A reader's comment on a post, taken from a mail: who wrote it (the name shown, and the address that is never
 * shown), the new text of the mail (quotes and signature stripped), and where it stands. A reply to another
 * comment names it as {@code parentId}.
 */
@Entity
@Table(name = "BLOG_COMMENT")
@NamedQuery(name = Comment.COUNT_OF_POST, query = "SELECT COUNT(c) FROM Comment c WHERE c.postId = :post")
@NamedQuery(name = Comment.OF_POST_WITH_MESSAGE_ID,
        query = "SELECT c.id FROM Comment c WHERE c.postId = :post AND c.messageId = :messageId")
@NamedQuery(name = Comment.COUNT_FROM_SINCE,
        query = "SELECT COUNT(c) FROM Comment c WHERE c.authorAddress = :address AND c.receivedAt >= :since")
@NamedQuery(name = Comment.COUNT_FROM_IN_STATE,
        query = "SELECT COUNT(c) FROM Comment c WHERE c.authorAddress = :address AND c.state = :state")
@NamedQuery(name = Comment.REPLIES_TO, query = "SELECT c FROM Comment c WHERE c.parentId = :parent ORDER BY c.id")
@NamedQuery(name = Comment.ALL, query = "SELECT c FROM Comment c ORDER BY c.id")
@Getter
@Setter
public class Comment extends TrackedRecord {

    public static final String COUNT_OF_POST = "Comment.countOfPost";
    public static final String OF_POST_WITH_MESSAGE_ID = "Comment.ofPostWithMessageId";
    public static final String COUNT_FROM_SINCE = "Comment.countFromSince";
    public static final String COUNT_FROM_IN_STATE = "Comment.countFromInState";
    public static final String REPLIES_TO = "Comment.repliesTo";
    public static final String ALL = "Comment.all";
    /** Lengths of the columns that hold outside input. */
    public static final int MAX_MESSAGE_ID = 998;
    public static final int MAX_ADDRESS = 254;
    public static final int MAX_HELD_REASON = 40;

    /** Longest text taken; a longer comment is refused by mail. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_AUTHOR_NAME = 100;

    private long postId;

    /** The comment this one answers, or null. */
    private Long parentId;

    @Convert(converter = CommentStateConverter.class)
    private CommentState state;

    /** As shown: the From display name, or "Anonyme"/"Anonymous"; the admin may change it. */
    private String authorName;

    /** The sender's address, lower-case: for notifications and limits only, never in public output. */
    private String authorAddress;

    /** {@code fr} or {@code en}: the language of the mails to its author. */
    private String language;

    /** What the reader wrote: the new text of the mail, as plain text. */
    private String text;

    /** The Message-ID of the mail it came in (without angle brackets), may be null. */
    private String messageId;

    /** The stored incoming mail ({@code INBOUND_MAIL.ID}), may be null (an imported comment). */
    private Long inboundMailId;

    private Instant receivedAt;

    private Instant publishedAt;

    /** The receiving server said both DKIM and SPF failed. */
    private boolean spamSuspect;

    /** Why it waits though it could have been published, e.g. {@code rate-limit}; null otherwise. */
    private String heldReason;

    /** When the admin was told it waits (its own moderation mail, or a digest); null: not yet (cmod, V9). */
    private Instant moderationMailedAt;

    /** When its first publication was told to its readers (or knowingly not); null: not yet (cmod, V9). */
    private Instant notifiedAt;

    protected Comment() {
        // for JPA
    }

    public Comment(long postId, Long parentId, String authorName, String authorAddress, String language, String text,
            Instant receivedAt) {
        this.postId = postId;
        this.parentId = parentId;
        this.state = CommentState.PENDING;
        this.authorName = authorName;
        this.authorAddress = authorAddress;
        this.language = language;
        this.text = text;
        this.receivedAt = receivedAt;
        touch(receivedAt);
    }

    /** A new state, decided at {@code now}; the first publication is dated. */
    public void moveTo(CommentState next, Instant now) {
        if (next == CommentState.PUBLISHED && publishedAt == null) {
            publishedAt = now;
        }
        state = next;
        touch(now);
    }

    @Override
    public void touch(Instant now) {
        super.touch(now);
    }
}
