package org.coloc.intake.boundary;

import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.entity.AttachmentInfo;
import org.coloc.intake.entity.InboundMail;
import org.coloc.intake.entity.MailAttachment;
import org.coloc.intake.entity.MailStatus;
import org.coloc.intake.entity.RawMail;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;

/** Read side of the stored mail, for the REST resource. */
@Stateless
public class Messages {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type HEADER_LIST = new ArrayList<Map<String, String>>() { }.getClass().getGenericSuperclass();
    private static final Type OBJECT_MAP = new HashMap<String, Object>() { }.getClass().getGenericSuperclass();

    @PersistenceContext
    EntityManager em;

    public Page<MessageSummary> list(Paging paging, String classification, String status) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (classification != null && !classification.isBlank()) {
            try {
                params.put("classification", MailKind.fromLabel(classification.trim()).label());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("classification must be one of "
                        + Arrays.stream(MailKind.values()).map(MailKind::label).toList() + ".");
            }
            where.append(" AND m.classification = :classification");
        }
        if (status != null && !status.isBlank()) {
            String s = Arrays.stream(MailStatus.values()).map(MailStatus::label)
                    .filter(l -> l.equalsIgnoreCase(status.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("status must be ingested or quarantined."));
            params.put("status", s);
            where.append(" AND m.status = :status");
        }
        // only the listed columns: never the bodies and headers of a whole page
        TypedQuery<MessageSummary> q = em.createQuery("SELECT NEW org.coloc.intake.boundary.MessageSummary(m.id, "
                + "m.messageId, m.fromAddress, m.subject, m.sentAt, m.receivedAt, m.classification, m.status) "
                + "FROM InboundMail m" + where + " ORDER BY m.receivedAt DESC, m.id DESC", MessageSummary.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM InboundMail m" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<MessageSummary> items = q.setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList();
        return new Page<>(items, count.getSingleResult(), paging.offset(), paging.limit());
    }

    public MessageDetail detail(long id) {
        InboundMail m = find(id);
        List<AttachmentInfo> attachments = em.createNamedQuery(MailAttachment.OF_MAIL, AttachmentInfo.class)
                .setParameter("mailId", id).getResultList();
        List<Map<String, String>> headers = m.getHeadersJson() == null ? List.of()
                : JSONB.fromJson(m.getHeadersJson(), HEADER_LIST);
        Map<String, Object> recipients = m.getRecipients() == null ? null : JSONB.fromJson(m.getRecipients(), OBJECT_MAP);
        List<String> references = m.getReferences() == null ? List.of() : List.of(m.getReferences().split(" "));
        return new MessageDetail(m.getId(), m.getMessageId(), m.getFromAddress(), m.getFromName(), m.getSubject(),
                m.getSentAt(), m.getReceivedAt(), m.getClassification(), m.getClassificationReason(), m.getStatus(),
                m.getError(), m.getFailedRecipient(), m.getDeliveryStatus(), m.getInReplyTo(), references, recipients,
                headers, m.getText(), m.getHtml(), m.getRawSize(), attachments);
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
