package org.coloc.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last case number given: one row, read with a write lock by the transaction that opens cases. So
 * instances sharing a database never give the same number, and a transaction that rolls back gives its
 * numbers back (numbers stay dense: #41, #42, #43).
 */
@Entity
@Table(name = "CASE_COUNTER")
public class CaseCounter {

    public static final String ID = "case";

    @Id
    private String name;

    @Column(name = "LAST_NUMBER")
    private long last;

    protected CaseCounter() {
        // for JPA
    }

    /** The counter of a database made before it existed starts after the highest case stored. */
    public CaseCounter(long last) {
        this.name = ID;
        this.last = last;
    }

    public long next() {
        return ++last;
    }

    public long last() {
        return last;
    }
}
