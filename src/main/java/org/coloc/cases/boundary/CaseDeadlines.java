package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coloc.cases.control.Subjects;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.SupportCase;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.control.Template;
import org.coloc.platform.ColocConfig;

/** What the case timers do, each sweep in its own transaction with the mails it causes. */
@Stateless
public class CaseDeadlines {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ColocConfig config;

    @EJB
    Outbox outbox;

    @EJB
    Cases cases;


    /** One digest to the admin listing every case whose reminder is due. */
    public int remindAdmin() {
        Instant now = clock.instant();
        List<SupportCase> due = em.createNamedQuery(SupportCase.TO_REMIND, SupportCase.class).setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        String admin = cases.adminAddress().isBlank() ? config.colocAddress() : cases.adminAddress();
        List<Map<String, Object>> list = due.stream().map(c -> Map.<String, Object>of(
                "number", c.getNumber(),
                "subject", c.getSubject() == null ? "" : c.getSubject(),
                "requester", c.getRequester(),
                "days", Duration.between(c.getLastActivityAt(), now).toDays())).toList();
        Template.Rendered mail = Template.load("case-reminder", config.string("coloc.admin.language"))
                .render(Map.of("count", due.size(), "cases", list));
        outbox.enqueue("reminder", null, new OutgoingMail(List.of(admin), mail.subject(), mail.text()));
        due.forEach(c -> c.reminded(now, cases.deadlines()));
        return due.size();
    }

    /** A courteous closing mail to each requester who has not answered in time, and the case closed. */
    public int closeAbandoned() {
        Instant now = clock.instant();
        List<SupportCase> due = em.createNamedQuery(SupportCase.TO_CLOSE, SupportCase.class).setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        String address = config.colocAddress();
        for (SupportCase c : due) {
            List<String> references = new ArrayList<>();
            for (CaseMessage m : em.createNamedQuery(CaseMessage.OF_CASE, CaseMessage.class)
                    .setParameter("caseId", c.getId()).getResultList()) {
                if (m.getMessageId() != null) {
                    references.add(m.getMessageId());
                }
            }
            Template.Rendered mail = Template.load("case-closing", c.getLanguage()).render(Map.of(
                    "number", Long.toString(c.getNumber()),
                    "days", Long.toString(cases.deadlines().closeAfter().toDays()),
                    "subject", Subjects.tagged(c.getNumber(), "Re: " + (c.getSubject() == null ? "" : c.getSubject()))));
            String id = outbox.enqueue("closing", c.getNumber(), new OutgoingMail(cases.newMessageId(c.getNumber()),
                    List.of(c.getRequester()), mail.subject(), mail.text(),
                    references.isEmpty() ? null : references.get(references.size() - 1), references, "auto-generated"));
            em.persist(new CaseMessage(c.getId(), Cases.DIRECTION_OUT, id, null, address, now, mail.text()));
            c.closedForSilence(now);
        }
        return due.size();
    }
}
