package org.coloc.outbox.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coloc.outbox.entity.OutboxKind;

/**
 * What a caller asks the outbox to send: a mail of a {@link OutboxKind}, to these addresses, with its content
 * (a template, its language and values; or a text as a person wrote it), and, for a mail about a case, the case
 * and the subject of its thread. The outbox does the rest: subject, ids, threading and automatic-mail headers
 * (see {@link Composer}).
 *
 * <pre>{@code
 * outbox.queue(NewMail.template(OutboxKind.CLOSING, List.of(requester), "case-closing", language,
 *         Map.of("days", "21")).aboutCase(42, "VM down").inThread(lastId, threadIds));
 * }</pre>
 *
 * @param caseNumber the case, for kinds {@link OutboxKind#aboutCase() about a case}; null otherwise
 * @param caseSubject the subject of the case's thread, tagged and prefixed with "Re: " by the outbox
 * @param inReplyTo the id of the mail this one answers (without angle brackets), or null
 * @param references the ids of the thread, oldest first
 * @param headers extra headers ({@code List-Unsubscribe}…), each name at most once
 * @param calendar an iCalendar object sent next to the text, or null
 * @param notice for a {@link OutboxKind#NOTICE}: the maintenance and the member it tells, named by its Message-ID
 * @param comment for {@link OutboxKind#COMMENT_NOTIFICATION} and {@link OutboxKind#COMMENT_MODERATION}: the
 *        comment it is about, named by its Message-ID
 */
public record NewMail(OutboxKind kind, List<String> to, Content content, Long caseNumber, String caseSubject,
        String inReplyTo, List<String> references, List<ExtraHeader> headers, CalendarPart calendar,
        NoticeThread notice, CommentThread comment) {

    /**
     * The comment a mail is about: a reader's answer to a notification about comment C is a reply to C; an answer
     * to the admin's moderation mail ({@code moderation}) is never a comment.
     */
    public record CommentThread(long commentId, boolean moderation) {
    }

    /** The thread of the notices of one maintenance to one member: replies to any of them come back to it. */
    public record NoticeThread(long maintenanceId, long memberId) {
    }

    /** The text of the mail: from a template of {@code mail-templates/}, or written by a person. */
    public sealed interface Content permits FromTemplate, Written {
    }

    /**
     * {@code mail-templates/<name>.<language>.txt} (French when there is none in that language) rendered with
     * these values; for a mail about a case the outbox adds {@code number} and {@code subject} (the tagged one).
     */
    public record FromTemplate(String name, String language, Map<String, ?> values) implements Content {

        public FromTemplate {
            Objects.requireNonNull(name, "template name");
            values = values == null ? Map.of() : values;
        }
    }

    /** A text sent as it is; its subject null for a mail about a case (the case's tagged subject then). */
    public record Written(String subject, String text) implements Content {

        public Written {
            Objects.requireNonNull(text, "text");
        }
    }

    public NewMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        to = to == null ? List.of() : List.copyOf(to);
        references = references == null ? List.of() : references.stream().filter(Objects::nonNull).toList();
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A mail whose text comes from a template. */
    public static NewMail template(OutboxKind kind, List<String> to, String name, String language,
            Map<String, ?> values) {
        return new NewMail(kind, to, new FromTemplate(name, language, values), null, null, null, List.of(),
                List.of(), null, null, null);
    }

    /** A mail whose text a person wrote; {@code subject} null for a mail about a case. */
    public static NewMail written(OutboxKind kind, List<String> to, String subject, String text) {
        return new NewMail(kind, to, new Written(subject, text), null, null, null, List.of(), List.of(), null, null, null);
    }

    /** About this case, whose thread has this subject. */
    public NewMail aboutCase(long number, String subject) {
        return new NewMail(kind, to, content, number, subject, inReplyTo, references, headers, calendar, notice, comment);
    }

    /** Answering {@code inReplyTo}, in the thread of these ids (oldest first). */
    public NewMail inThread(String inReplyTo, List<String> references) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                notice, comment);
    }

    /** With these extra headers ({@link ExtraHeader#unsubscribe} for instance). */
    public NewMail withHeaders(List<ExtraHeader> headers) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                notice, comment);
    }

    /** A notice of this maintenance to this member (kind {@link OutboxKind#NOTICE}). */
    public NewMail aboutNotice(long maintenanceId, long memberId) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                new NoticeThread(maintenanceId, memberId), comment);
    }

    /** With an iCalendar object next to the text. */
    public NewMail withCalendar(CalendarPart calendar) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                notice, comment);
    }

    /** A notification to a reader about this comment ({@link OutboxKind#COMMENT_NOTIFICATION}). */
    public NewMail aboutComment(long commentId) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                notice, new CommentThread(commentId, false));
    }

    /** The admin's moderation mail about this comment, or a digest ending with it ({@link OutboxKind#COMMENT_MODERATION}). */
    public NewMail moderating(long commentId) {
        return new NewMail(kind, to, content, caseNumber, caseSubject, inReplyTo, references, headers, calendar,
                notice, new CommentThread(commentId, true));
    }
}
