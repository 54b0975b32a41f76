package org.coloc.outbox.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coloc.outbox.entity.OutboxKind;

/**
 * Turns what a caller asks for ({@link NewMail}) into the mail the outbox stores and sends: the template
 * rendered, and every header that follows from the kind, set here and nowhere else. For a mail about a case:
 * the subject {@code [coloc #N] Re: <the thread's subject>} and a keyed Message-ID naming the case
 * ({@link OutgoingIds}); for a maintenance notice, the template's subject and a keyed Message-ID naming the
 * maintenance and the member ({@link OutgoingIds#createNotice}); for a comment notification or moderation mail,
 * a keyed Message-ID naming the comment ({@link OutgoingIds#createComment}); for any other, a random Message-ID of our
 * domain. {@code Auto-Submitted} is the kind's; ids that could not be sent in a header are left out of the
 * threading. Pure code.
 */
public final class Composer {

    private Composer() {
    }

    /**
     * @param ids our keyed Message-IDs (for mail about a case)
     * @param domain the domain of other Message-IDs (the coloc address's)
     * @throws IllegalArgumentException when the request contradicts its kind, or its template its values
     */
    public static OutgoingMail compose(NewMail mail, OutgoingIds ids, String domain) {
        OutboxKind kind = mail.kind();
        String caseSubject = null;
        String messageId;
        if (kind.aboutCase()) {
            if (mail.caseNumber() == null) {
                throw new IllegalArgumentException("a mail of kind " + kind.label() + " is about a case: which one?");
            }
            caseSubject = SubjectTag.tagged(mail.caseNumber(),
                    "Re: " + (mail.caseSubject() == null ? "" : mail.caseSubject()));
            messageId = ids.create(mail.caseNumber());
        } else if (kind == OutboxKind.NOTICE) {
            if (mail.caseNumber() != null) {
                throw new IllegalArgumentException("a maintenance notice is about no case");
            }
            if (mail.notice() == null) {
                throw new IllegalArgumentException("a maintenance notice names its maintenance and member");
            }
            messageId = ids.createNotice(mail.notice().maintenanceId(), mail.notice().memberId());
        } else if (kind.aboutComment()) {
            if (mail.comment() == null || mail.comment().moderation() != (kind == OutboxKind.COMMENT_MODERATION)) {
                throw new IllegalArgumentException("a mail of kind " + kind.label() + " names its comment"
                        + (kind == OutboxKind.COMMENT_MODERATION ? " as moderated" : ""));
            }
            messageId = ids.createComment(mail.comment());
        } else {
            if (mail.caseNumber() != null) {
                throw new IllegalArgumentException("a mail of kind " + kind.label() + " is about no case");
            }
            messageId = UUID.randomUUID() + "@" + domain;
        }
        if (mail.notice() != null && kind != OutboxKind.NOTICE) {
            throw new IllegalArgumentException("only a maintenance notice names a maintenance and member");
        }
        if (mail.comment() != null && !kind.aboutComment()) {
            throw new IllegalArgumentException("a mail of kind " + kind.label() + " names no comment");
        }
        String subject;
        String text;
        if (mail.content() instanceof NewMail.FromTemplate t) {
            Template.Rendered rendered = Template.load(t.name(), t.language()).render(values(t, mail, caseSubject));
            subject = rendered.subject();
            text = rendered.text();
        } else {
            NewMail.Written w = (NewMail.Written) mail.content();
            if (caseSubject != null && w.subject() != null) {
                throw new IllegalArgumentException("a mail about a case has the case's subject");
            }
            if (caseSubject == null && w.subject() == null) {
                throw new IllegalArgumentException("a mail about no case needs a subject");
            }
            subject = caseSubject != null ? caseSubject : w.subject();
            text = w.text();
        }
        List<String> references = mail.references().stream().filter(r -> Headers.id(r) != null).toList();
        return new OutgoingMail(messageId, mail.to(), subject, text, Headers.id(mail.inReplyTo()), references,
                kind.autoSubmitted(), allowed(kind, distinctNames(mail.headers())), mail.calendar());
    }

    /** A notice is a service mail every affected member must get: nothing may offer to unsubscribe from it. */
    private static List<ExtraHeader> allowed(OutboxKind kind, List<ExtraHeader> headers) {
        if (kind == OutboxKind.NOTICE) {
            for (ExtraHeader h : headers) {
                if (h.name().startsWith("List-Unsubscribe")) { // names are canonical (ExtraHeader)
                    throw new IllegalArgumentException("a maintenance notice is a service mail: no " + h.name());
                }
            }
        }
        return headers;
    }

    /** The caller's values, and for a mail about a case its number and tagged subject. */
    private static Map<String, ?> values(NewMail.FromTemplate t, NewMail mail, String caseSubject) {
        if (caseSubject == null) {
            return t.values();
        }
        if (t.values().containsKey("number") || t.values().containsKey("subject")) {
            throw new IllegalArgumentException("number and subject of a mail about a case are the outbox's");
        }
        Map<String, Object> values = new HashMap<>(t.values());
        values.put("number", Long.toString(mail.caseNumber()));
        values.put("subject", caseSubject);
        return values;
    }

    private static List<ExtraHeader> distinctNames(List<ExtraHeader> headers) {
        Set<String> seen = new HashSet<>();
        for (ExtraHeader h : headers) {
            if (!seen.add(h.name())) {
                throw new IllegalArgumentException("header " + h.name() + " given twice");
            }
        }
        return headers;
    }
}
