package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    /** Stands for an entity: only its simple name reaches the JPQL. */
    static final class Member {
    }

    private static final Map<String, String> SORTABLE = Map.of("name", "m.name", "updated", "m.updated");

    private static String status(String raw) {
        if (!Set.of("active", "former").contains(raw.trim())) {
            throw ProblemException.badRequest("status must be one of [active, former].");
        }
        return raw.trim();
    }

    @Test
    void withoutFiltersItSelectsEverythingInTheGivenOrderAndCountsEverything() {
        ListQuery<Member> q = ListQuery.of(Member.class, "m").orderBy("m.joined DESC, m.id DESC");
        assertEquals("SELECT m FROM Member m ORDER BY m.joined DESC, m.id DESC", q.jpql());
        assertEquals("SELECT COUNT(m) FROM Member m", q.countJpql());
        assertTrue(q.parameters().isEmpty());
    }

    @Test
    void eachGivenFilterAddsItsConditionAndItsCheckedValueToBothQueries() {
        ListQuery<Member> q = ListQuery.of(Member.class, "m")
                .filter(" active ", "m.status = :status", "status", ListQueryTest::status)
                .where("m.ownerId = :owner", "owner", 7L)
                .sort("-updated", SORTABLE, "name");
        assertEquals("SELECT m FROM Member m WHERE m.status = :status AND m.ownerId = :owner"
                + " ORDER BY m.updated DESC, m.id ASC", q.jpql());
        assertEquals("SELECT COUNT(m) FROM Member m WHERE m.status = :status AND m.ownerId = :owner", q.countJpql());
        assertEquals(Map.of("status", "active", "owner", 7L), q.parameters());
    }

    @Test
    void aCountedColumnReplacesTheAliasInTheCountOnly() {
        ListQuery<Object[]> q = ListQuery.select(Object[].class, "m.number, m.name", Member.class, "m")
                .where("m.status = :status", "status", "active")
                .orderBy("m.joined DESC, m.number DESC")
                .countOf("m.number");
        assertEquals("SELECT m.number, m.name FROM Member m WHERE m.status = :status"
                + " ORDER BY m.joined DESC, m.number DESC", q.jpql());
        assertEquals("SELECT COUNT(m.number) FROM Member m WHERE m.status = :status", q.countJpql());
    }

    @Test
    void aMissingFilterAddsNothingAndIsNotChecked() {
        ListQuery<Member> q = ListQuery.of(Member.class, "m")
                .filter(null, "m.status = :status", "status", v -> {
                    throw new AssertionError("checked a missing value");
                })
                .where("m.ownerId = :owner", "owner", null);
        assertEquals("SELECT COUNT(m) FROM Member m", q.countJpql());
        assertTrue(q.parameters().isEmpty());
    }

    @Test
    void aBlankValueIsCheckedUnlessTheListTreatsItAsMissing() {
        ProblemException e = assertThrows(ProblemException.class, () -> ListQuery.of(Member.class, "m")
                .filter("", "m.status = :status", "status", ListQueryTest::status));
        assertEquals(400, e.problem().status());
        assertEquals("status must be one of [active, former].", e.problem().detail());
        assertNull(ListQuery.nonBlank("  "));
        assertNull(ListQuery.nonBlank(null));
        assertEquals(" x ", ListQuery.nonBlank(" x "));
    }

    @Test
    void theFirstBadParameterInTheListsOrderIsTheOneReported() {
        ProblemException e = assertThrows(ProblemException.class, () -> ListQuery.of(Member.class, "m")
                .filter("lost", "m.status = :status", "status", ListQueryTest::status)
                .sort("password", SORTABLE, "name"));
        assertTrue(e.getMessage().startsWith("status must be"), e.getMessage());
        ProblemException sort = assertThrows(ProblemException.class, () -> ListQuery.of(Member.class, "m")
                .sort("password", SORTABLE, "name"));
        assertTrue(sort.getMessage().startsWith("Cannot sort by 'password'"), sort.getMessage());
    }

    @Test
    void theSearchLooksInEveryExpressionWithWildcardsTakenLiterally() {
        ListQuery<Member> q = ListQuery.of(Member.class, "m").search(" 50%_Off ", "LOWER(m.name)", "m.email");
        assertEquals("SELECT COUNT(m) FROM Member m WHERE (LOWER(m.name) LIKE :q ESCAPE '\\' OR m.email LIKE :q"
                + " ESCAPE '\\')", q.countJpql());
        assertEquals(Map.of("q", "%50\\%\\_off%"), q.parameters());
    }

    @Test
    void aSearchEntryNamingTheParameterIsAWholeCondition() {
        ListQuery<Member> q = ListQuery.of(Member.class, "m").search("x", "LOWER(m.name)",
                "EXISTS (SELECT d.id FROM Domain d WHERE d.owner = m AND d.name LIKE :q ESCAPE '\\')");
        assertEquals("SELECT COUNT(m) FROM Member m WHERE (LOWER(m.name) LIKE :q ESCAPE '\\' OR EXISTS (SELECT d.id"
                + " FROM Domain d WHERE d.owner = m AND d.name LIKE :q ESCAPE '\\'))", q.countJpql());
    }

    @Test
    void aBlankSearchIsNoSearch() {
        assertEquals("SELECT COUNT(m) FROM Member m", ListQuery.of(Member.class, "m").search("  ", "m.name").countJpql());
        assertEquals("SELECT COUNT(m) FROM Member m", ListQuery.of(Member.class, "m").search(null, "m.name").countJpql());
    }

    @Test
    void aProjectionSelectsOnlyItsColumnsButCountsTheEntities() {
        ListQuery<String> q = ListQuery.select(String.class, "m.name", Member.class, "m")
                .where("m.status = :status", "status", "active").orderBy("m.name, m.id");
        assertEquals("SELECT m.name FROM Member m WHERE m.status = :status ORDER BY m.name, m.id", q.jpql());
        assertEquals("SELECT COUNT(m) FROM Member m WHERE m.status = :status", q.countJpql());
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsPosition() {
        Page<Integer> page = new Page<>(List.of(1, 2), 12, 10, 2);
        assertEquals(new Page<>(List.of("1", "2"), 12, 10, 2), page.map(String::valueOf));
    }
}
