package org.coloc.cases.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/cases?maintenance=}: a value that is no maintenance id is the client's error, before any query. */
class CaseListFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-3", "1.5", "99999999999999999999", "1 OR 1=1"})
    void aBadMaintenanceIdIsA400(String raw) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new Cases().list(Paging.of(null, null), null, null, raw, null));
        assertEquals(400, e.problem().status(), e.getMessage());
    }
}
