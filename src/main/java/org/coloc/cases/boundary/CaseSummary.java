package org.coloc.cases.boundary;

import java.time.Instant;
import org.coloc.cases.entity.SupportCase;

/** A case in the inbox list; {@code maintenance}: the maintenance whose notices it answers, or null. */
public record CaseSummary(long number, String subject, String state, String requester, boolean foreignTag,
        Long maintenance, Instant lastActivityAt, Instant created) {

    static CaseSummary of(SupportCase c) {
        return new CaseSummary(c.getNumber(), c.getSubject(), c.getState().label(), c.getRequester(), c.isForeignTag(),
                c.getMaintenanceId(), c.getLastActivityAt(), c.getCreated());
    }
}
