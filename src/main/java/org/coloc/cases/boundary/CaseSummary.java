package org.coloc.cases.boundary;

import java.time.Instant;
import org.coloc.cases.entity.CaseState;

/** A case in the inbox list; {@code maintenance}: the maintenance whose notices it answers, or null. */
public record CaseSummary(long number, String subject, String state, String requester, boolean foreignTag,
        Long maintenance, Instant lastActivityAt, Instant created) {

    /** What the list selects of a {@code SupportCase c}, in the order {@link #of(Object[])} reads it. */
    static final String COLUMNS = "c.number, c.subject, c.state, c.requester, c.foreignTag, c.maintenanceId, "
            + "c.lastActivityAt, c.created";

    static CaseSummary of(Object[] row) {
        return new CaseSummary(((Number) row[0]).longValue(), (String) row[1],
                CaseState.fromLabel((String) row[2]).label(), (String) row[3], flag(row[4]), (Long) row[5],
                (Instant) row[6], (Instant) row[7]);
    }

    /** A boolean column as the database gives it back: Derby's SMALLINT or PostgreSQL's BOOLEAN. */
    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
