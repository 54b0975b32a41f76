package org.coloc.cases.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.SupportCase;

/**
 * Reading a case and filing a message, the same way for the admin's work ({@link Cases}) and for incoming mail
 * ({@link CaseMail}): both must see what the current transaction wrote ({@link CaseWrites}) without flushing.
 */
final class CaseRows {

    private CaseRows() {
    }

    static Optional<SupportCase> find(EntityManager em, CaseWrites writes, long number) {
        Optional<SupportCase> written = writes.byNumber(number);
        if (written.isPresent()) {
            return written;
        }
        return em.createNamedQuery(SupportCase.BY_NUMBER, SupportCase.class).setParameter("number", number)
                .setFlushMode(FlushModeType.COMMIT).getResultList().stream().findFirst();
    }

    /** Every message of a case is added here, so that threading finds it before it is flushed. */
    static void file(EntityManager em, CaseWrites writes, SupportCase c, CaseMessage m) {
        em.persist(m);
        writes.filed(m.getMessageId(), c.getNumber());
    }
}
