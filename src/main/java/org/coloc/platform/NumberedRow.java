package org.coloc.platform;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;
import lombok.Getter;

/**
 * A row with a generated id from the one id source of records ({@code RECORD_IDS}): ids are unique across every
 * table that uses it, which costs nothing and spares each new table its own generator and id row. The tables
 * made before issue 10 keep the generators their rows were numbered by.
 */
@MappedSuperclass
@Getter
public abstract class NumberedRow {

    @Id
    @TableGenerator(name = "RECORD_IDS", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD_IDS")
    private Long id;

    protected NumberedRow() {
    }
}
