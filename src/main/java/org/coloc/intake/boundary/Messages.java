package org.coloc.intake.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coloc.intake.control.MailAddress;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.control.MimeParser;
import org.coloc.intake.control.ParsedAttachment;
import org.coloc.intake.control.ParsedMail;
import org.coloc.intake.control.UnparseableMailException;
import org.coloc.intake.entity.InboundMail;
import org.coloc.intake.entity.MailStatus;
import org.coloc.intake.entity.RawMail;
import org.coloc.platform.Bounded;
import org.coloc.platform.Labelled;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;

/** Read side of the stored mail, for the REST resource. */
@Stateless
public class Messages {

    /**
     * A stored mail is parsed again when opened, with the parser's own bounds (see MimeParser); what the answer
     * lists of its headers is bounded too, so that a mail of 60,000 header fields or a 25 MB header answers
     * promptly and small. The raw endpoint still gives every byte.
     */
    static final int MAX_DETAIL_HEADERS = 1000;
    static final int MAX_DETAIL_HEADER_CHARS = 64 * 1024;

    @PersistenceContext
    EntityManager em;

    public Page<MessageSummary> list(Paging paging, String classification, String status) {
        // only the listed columns: never the bodies and headers of a whole page
        return ListQuery.select(MessageSummary.class, "NEW org.coloc.intake.boundary.MessageSummary(m.id, "
                + "m.messageId, m.fromAddress, m.subject, m.sentAt, m.receivedAt, m.classification, m.status, m.error)",
                InboundMail.class, "m")
                .filter(ListQuery.nonBlank(classification), "m.classification = :classification", "classification",
                        Messages::classification)
                .filter(ListQuery.nonBlank(status), "m.status = :status", "status", Messages::status)
                .orderBy("m.receivedAt DESC, m.id DESC")
                .page(em, paging);
    }

    private static String classification(String raw) {
        try {
            return Labelled.parse(MailKind.class, raw.trim()).label();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("classification must be one of "
                    + Arrays.stream(MailKind.values()).map(MailKind::label).toList() + ".");
        }
    }

    private static String status(String raw) {
        return Arrays.stream(MailStatus.values()).map(MailStatus::label).filter(l -> l.equalsIgnoreCase(raw.trim()))
                .findFirst().orElseThrow(() -> ProblemException.badRequest("status must be ingested or quarantined."));
    }

    public MessageDetail detail(long id) {
        InboundMail m = find(id);
        // what is not stored is parsed again from the raw bytes, the one source of truth
        ParsedMail parsed = parse(id);
        List<MessageDetail.Header> headers = parsed == null ? List.of()
                : parsed.headers().stream().limit(MAX_DETAIL_HEADERS)
                        .map(h -> new MessageDetail.Header(Bounded.text(h.name(), MAX_DETAIL_HEADER_CHARS),
                                Bounded.text(h.value(), MAX_DETAIL_HEADER_CHARS))).toList();
        MessageDetail.Recipients recipients = parsed == null ? null : new MessageDetail.Recipients(
                addresses(parsed.to()), addresses(parsed.cc()), addresses(parsed.replyTo()));
        List<MessageDetail.Attachment> attachments = new ArrayList<>();
        if (parsed != null) {
            for (int i = 0; i < parsed.attachments().size(); i++) {
                ParsedAttachment a = parsed.attachments().get(i);
                attachments.add(new MessageDetail.Attachment(i, a.name(), a.contentType(), a.size()));
            }
        }
        return new MessageDetail(m.getId(), m.getMessageId(), m.getFromAddress(), m.getFromName(), m.getSubject(),
                m.getSentAt(), m.getReceivedAt(), m.getClassification(), m.getClassificationReason(), m.getStatus(),
                m.getError(), m.getFailedRecipient(), m.getDeliveryStatus(), m.getInReplyTo(),
                parsed == null || parsed.references() == null ? List.of() : parsed.references(), recipients, headers,
                m.getText(), parsed == null ? null : parsed.html(), m.getRawSize(), attachments);
    }

    /** An attachment's decoded content. */
    public ParsedAttachment attachment(long id, int index) {
        find(id);
        ParsedMail parsed = parse(id);
        if (parsed == null || index < 0 || index >= parsed.attachments().size()) {
            throw ProblemException.notFound("Message " + id + " has no attachment " + index + ".");
        }
        return parsed.attachments().get(index);
    }

    private ParsedMail parse(long id) {
        RawMail raw = em.find(RawMail.class, id);
        if (raw == null) {
            return null;
        }
        try {
            return new MimeParser().parse(raw.getBytes());
        } catch (UnparseableMailException e) {
            return null;
        }
    }

    private static List<MessageDetail.Address> addresses(List<MailAddress> list) {
        return list == null ? List.of()
                : list.stream().map(a -> new MessageDetail.Address(a.name(), a.address())).toList();
    }

    public byte[] raw(long id) {
        find(id);
        RawMail raw = em.find(RawMail.class, id);
        if (raw == null) {
            throw ProblemException.notFound("Message " + id + " has no stored raw bytes.");
        }
        return raw.getBytes();
    }

    private InboundMail find(long id) {
        InboundMail m = em.find(InboundMail.class, id);
        if (m == null) {
            throw ProblemException.notFound("No message " + id + ".");
        }
        return m;
    }
}
