package org.coloc.platform;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import lombok.Getter;

/**
 * What every record edited through the API has: an id ({@link NumberedRow}), a version for optimistic locking
 * (the ETag), and its creation and last update times.
 */
@MappedSuperclass
@Getter
public abstract class TrackedRecord extends NumberedRow {

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
