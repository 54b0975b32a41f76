package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.MessageDirection;
import org.coloc.cases.entity.SupportCase;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;

/** What the case timers do, each sweep in its own transaction with the mails it causes. */
@Stateless
public class CaseDeadlines extends CaseBean {

    @EJB
    Cases cases;

    /** One digest to the admin listing every case whose reminder is due. */
    public int remindAdmin() {
        Instant now = clock.instant();
        List<SupportCase> due = due(SupportCase.TO_REMIND, now);
        if (due.isEmpty()) {
            return 0;
        }
        String admin = cases.adminAddress().isBlank() ? coloc.address() : cases.adminAddress();
        List<Map<String, Object>> list = due.stream().map(c -> Map.<String, Object>of(
                "number", c.getNumber(),
                "subject", c.getSubject() == null ? "" : c.getSubject(),
                "requester", c.getRequester(),
                "days", Duration.between(c.getLastActivityAt(), now).toDays())).toList();
        outbox.queue(NewMail.template(OutboxKind.REMINDER, List.of(admin), "case-reminder",
                coloc.adminLanguage(), Map.of("count", due.size(), "cases", list)));
        due.forEach(c -> c.reminded(now, cases.deadlines()));
        return due.size();
    }

    /** A courteous closing mail to each requester who has not answered in time, and the case closed. */
    public int closeAbandoned() {
        Instant now = clock.instant();
        List<SupportCase> due = due(SupportCase.TO_CLOSE, now);
        if (due.isEmpty()) {
            return 0;
        }
        String address = coloc.address();
        for (SupportCase c : due) {
            List<String> references = new ArrayList<>();
            for (CaseMessage m : em.createNamedQuery(CaseMessage.OF_CASE, CaseMessage.class)
                    .setParameter("caseId", c.getId()).getResultList()) {
                if (m.getMessageId() != null) {
                    references.add(m.getMessageId());
                }
            }
            Outbox.Queued mail = outbox.queue(NewMail.template(OutboxKind.CLOSING, List.of(c.getRequester()),
                    "case-closing", c.getLanguage(), Map.of("days", Long.toString(cases.deadlines().closeAfter().toDays())))
                    .aboutCase(c.getNumber(), c.getSubject())
                    .inThread(references.isEmpty() ? null : references.get(references.size() - 1), references));
            em.persist(new CaseMessage(c.getId(), MessageDirection.OUTGOING, mail.messageId(), null, address, now,
                    mail.text()));
            c.closedForSilence(now);
            changed(c, CaseChanged.Reason.STATE);
        }
        return due.size();
    }

    /** The cases a named query ({@code SupportCase.TO_REMIND}, {@code TO_CLOSE}) finds due at {@code now}. */
    private List<SupportCase> due(String query, Instant now) {
        return em.createNamedQuery(query, SupportCase.class).setParameter("now", now).getResultList();
    }
}
