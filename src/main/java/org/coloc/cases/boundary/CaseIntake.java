package org.coloc.cases.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coloc.intake.control.MailTaken;
import org.coloc.intake.control.MailsArriving;

/** Hands every ingested mail to the cases, inside the intake's transaction. */
@ApplicationScoped
public class CaseIntake {

    @EJB
    Cases cases;

    void onBatch(@Observes MailsArriving arriving) {
        cases.lookUpAhead(arriving.mails());
    }

    void onMail(@Observes MailTaken taken) {
        cases.take(taken);
    }
}
