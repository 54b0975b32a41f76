package org.coloc.platform.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import lombok.Getter;

/** One create, update or delete of a record: who, when, what, and the record before and after (JSON). */
@Entity
@Table(name = "CHANGE_LOG", indexes = @Index(name = "IX_CHANGE_RECORD", columnList = "RECORD_TYPE,RECORD_ID"))
@Getter
public class Change {

    @Id
    @TableGenerator(name = "CHANGE_IDS", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CHANGE_IDS")
    private Long id;

    @Column(name = "CHANGED_AT")
    private Instant at;

    private String actor;

    @Column(name = "RECORD_TYPE")
    private String type;

    private long recordId;

    @Column(name = "CHANGE_ACTION")
    private String action;

    @Lob
    @Column(name = "BEFORE_JSON")
    private String before;

    @Lob
    @Column(name = "AFTER_JSON")
    private String after;

    protected Change() {
        // for JPA
    }

    public Change(Instant at, String actor, String type, long recordId, String action, String before, String after) {
        this.at = at;
        this.actor = actor;
        this.type = type;
        this.recordId = recordId;
        this.action = action;
        this.before = before;
        this.after = after;
    }
}
