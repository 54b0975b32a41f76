package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnNamesTest {

    /** Columns the migrations made (and, last, a run of capitals), named by the rule instead of by hand. */
    @ParameterizedTest
    @CsvSource({
            "id, ID",
            "nextAttemptAt, NEXT_ATTEMPT_AT",
            "caseId, CASE_ID",
            "osVersion, OS_VERSION",
            "lastUid, LAST_UID",
            "uidValidity, UID_VALIDITY",
            "foreignTag, FOREIGN_TAG",
            "remindAdminAt, REMIND_ADMIN_AT",
            "bodyURL, BODY_URL"})
    void aCamelCaseFieldIsItsWordsInCapitalsJoinedByUnderscores(String field, String column) {
        assertEquals(column, ColumnNames.of(field));
    }
}
