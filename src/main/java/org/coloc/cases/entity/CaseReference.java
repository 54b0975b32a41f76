package org.coloc.cases.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/**
 * A Message-ID that a mail of a case referred to (In-Reply-To, References), even if we never received that
 * message: a later reply naming only that ancestor still finds its case (RT "ghost root" threads).
 */
@Entity
@Table(name = "CASE_REFERENCE", indexes = @Index(name = "IX_CASE_REFERENCE_ID", columnList = "MESSAGE_ID"))
@NamedQuery(name = CaseReference.CASE_OF, query = "SELECT c.number FROM CaseReference r, SupportCase c "
        + "WHERE c.id = r.caseId AND r.messageId = :messageId ORDER BY r.id DESC")
@NamedQuery(name = CaseReference.CASES_OF, query = "SELECT r.messageId, c.number FROM CaseReference r, SupportCase c "
        + "WHERE c.id = r.caseId AND r.messageId IN :ids ORDER BY r.id DESC")
public class CaseReference {

    public static final String CASE_OF = "CaseReference.caseOf";
    public static final String CASES_OF = "CaseReference.casesOf";

    @Id
    @TableGenerator(name = "CASE_REFERENCE_IDS", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CASE_REFERENCE_IDS")
    private Long id;

    private long caseId;

    private String messageId;

    protected CaseReference() {
        // for JPA
    }

    public CaseReference(long caseId, String messageId) {
        this.caseId = caseId;
        this.messageId = CaseMessage.idKey(messageId);
    }
}
