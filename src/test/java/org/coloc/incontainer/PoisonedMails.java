package org.coloc.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coloc.intake.control.MailTaken;

/**
 * Test-only, deployed with {@link IntakeInContainerIT} alone: applying a mail whose subject carries {@link #MARK}
 * fails, as applying a mail the database refuses would. It observes the same event the cases apply mail on,
 * inside the intake's transaction, so the failure happens where a real one would.
 */
@ApplicationScoped
public class PoisonedMails {

    static final String MARK = "[poisoned-for-test]";

    void onMail(@Observes MailTaken taken) {
        String subject = taken.parsed() == null ? null : taken.parsed().subject();
        if (subject != null && subject.contains(MARK)) {
            throw new IllegalStateException("applying this mail fails (test): " + subject);
        }
    }
}
