package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortingTest {

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("updated", "r.updated");
        FIELDS.put("name", "r.name");
        FIELDS.put("status", "r.status");
    }

    private static String orderBy(String sort) {
        return Sorting.orderBy(sort, FIELDS, "r", "name");
    }

    @Test
    void noSortUsesTheFallbackThenTheId() {
        assertEquals(" ORDER BY r.name ASC, r.id ASC", orderBy(null));
        assertEquals(" ORDER BY r.name ASC, r.id ASC", orderBy(""));
        assertEquals(" ORDER BY r.name ASC, r.id ASC", orderBy("  "));
    }

    @Test
    void minusMeansDescendingAndPlusAscending() {
        assertEquals(" ORDER BY r.updated DESC, r.id ASC", orderBy("-updated"));
        assertEquals(" ORDER BY r.updated ASC, r.id ASC", orderBy("+updated"));
    }

    @Test
    void severalFieldsKeepTheirOrderAndTheIdBreaksTies() {
        assertEquals(" ORDER BY r.status ASC, r.updated DESC, r.name ASC, r.id ASC", orderBy("status,-updated,name"));
        assertEquals(" ORDER BY r.name ASC, r.updated DESC, r.id ASC", orderBy(" name , -updated ,"));
    }

    @Test
    void unknownFieldIsA400ListingTheSortableFields() {
        ProblemException e = assertThrows(ProblemException.class, () -> orderBy("name,colour"));
        assertEquals(400, e.problem().status());
        assertEquals("Bad Request", e.problem().title());
        assertEquals("Cannot sort by 'colour'; sortable fields: [name, status, updated] (prefix '-' for descending).",
                e.problem().detail());
    }

    @Test
    void jpqlInjectionIsRejectedNotPassedThrough() {
        for (String attack : new String[] {"name; DROP TABLE MEMBER", "name DESC", "r.name", "name)", "-name--",
                "--name", "NAME", "name,(SELECT 1)"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> orderBy(attack), attack);
            assertEquals(400, e.problem().status(), attack);
        }
    }

    @Test
    void onlyWhitelistedPathsReachTheQuery() {
        Map<String, String> fields = Map.of("name", "m.displayName");
        assertEquals(" ORDER BY m.displayName DESC, m.id ASC", Sorting.orderBy("-name", fields, "m", "name"));
    }
}
