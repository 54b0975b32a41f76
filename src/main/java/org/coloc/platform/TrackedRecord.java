package org.coloc.platform;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import lombok.Getter;

/**
 * What every record edited through the API has: an id, a version for optimistic locking (the ETag), and
 * its creation and last update times.
 */
@MappedSuperclass
@Getter
public abstract class TrackedRecord {

    @Id
    @TableGenerator(name = "RECORD_IDS", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD_IDS")
    private Long id;

    @Version
    private long version;

    private Instant created;

    private Instant updated;

    protected TrackedRecord() {
    }

    protected void touch(Instant now) {
        if (created == null) {
            created = now;
        }
        updated = now;
    }

    /** The entity tag of this version of the record. */
    public String etag() {
        return ETags.of(version);
    }
}
