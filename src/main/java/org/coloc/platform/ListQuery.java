package org.coloc.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One list endpoint's query: the filters a request asked for, the order, one page of rows and the total that
 * matches. The JPQL is built from fixed fragments given by the code and only the values come from the request,
 * always as parameters (never concatenated): no injection. A value that does not pass its check answers 400
 * when the filter is added, so the first bad parameter in the order the list names them is the one reported.
 * Building is pure; only {@link #page} needs a database.
 *
 * <pre>
 * ListQuery.of(Member.class, "m")
 *         .filter(status, "m.status = :status", "status", Filters.oneOf("status", STATUSES))
 *         .search(q, "LOWER(m.displayName)", "LOWER(m.email)")
 *         .sort(sort, SORTABLE, "displayName")
 *         .page(em, paging, MemberView::of);
 * </pre>
 */
public final class ListQuery<R> {

    private final Class<R> rowType;
    private final String select;
    private final String from;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> hints = new LinkedHashMap<>();
    private String orderBy = "";
    private String counted;

    private ListQuery(Class<R> rowType, String select, String from) {
        this.rowType = rowType;
        this.select = select;
        this.from = from;
    }

    /** Whole entities: {@code SELECT alias FROM Entity alias}. */
    public static <E> ListQuery<E> of(Class<E> entity, String alias) {
        return new ListQuery<>(entity, alias, entity.getSimpleName() + " " + alias);
    }

    /**
     * Rows of another shape, e.g. only the listed columns as {@code NEW …Summary(m.id, …)}, so that a page never
     * loads what the list does not show.
     */
    public static <T> ListQuery<T> select(Class<T> rowType, String select, Class<?> entity, String alias) {
        return new ListQuery<>(rowType, select, entity.getSimpleName() + " " + alias);
    }

    /** {@code null} for a missing or blank query parameter, for lists where an empty value means "no filter". */
    public static String nonBlank(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }

    /**
     * Adds {@code condition} with the parameter {@code name} bound to {@code check(raw)} when the request gave
     * {@code raw} (not null); {@code check} turns it into the stored value or throws the 400.
     */
    public ListQuery<R> filter(String raw, String condition, String name, Function<String, ?> check) {
        return raw == null ? this : where(condition, name, check.apply(raw));
    }

    /** Adds a condition no row meets: for a filter value that names nothing that can be stored (an unknown kind). */
    public ListQuery<R> nothing() {
        conditions.add("1 = 0");
        return this;
    }

    /** Adds {@code condition} with the parameter {@code name} bound to {@code value} unless it is null. */
    public ListQuery<R> where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /**
     * The {@code q} of a list: a case-insensitive substring of any of the expressions (give them lower-cased,
     * e.g. {@code LOWER(m.name)}, or a column stored in lower case), with LIKE wildcards taken literally. An
     * entry that names {@code :q} itself is a whole condition, e.g. an {@code EXISTS} over a collection. Nothing
     * for a missing or blank {@code q}.
     */
    public ListQuery<R> search(String q, String... expressions) {
        if (nonBlank(q) == null) {
            return this;
        }
        List<String> likes = new ArrayList<>();
        for (String e : expressions) {
            likes.add(e.contains(":q") ? e : e + " LIKE :q ESCAPE '\\'");
        }
        return where("(" + String.join(" OR ", likes) + ")", "q", LikePattern.containing(q));
    }

    /** The order the request asked for among {@code fields}, as {@link Sorting} reads it (400 for another). */
    public ListQuery<R> sort(String sort, Map<String, String> fields, String fallback) {
        orderBy = Sorting.orderBy(sort, fields, alias(), fallback);
        return this;
    }

    /** A fixed order, e.g. {@code "m.receivedAt DESC, m.id DESC"}: it must end with a unique column. */
    public ListQuery<R> orderBy(String order) {
        orderBy = " ORDER BY " + order;
        return this;
    }

    /**
     * What the total counts, instead of the rows' ids: a NOT NULL column that the filters' indexes also hold, so
     * that the database counts index entries without reading each row (Derby's {@code COUNT(ID)} over 10,000 cases
     * of one state read 10,000 rows; {@code COUNT(CASE_NUMBER)} counts them in the state index). The same total
     * as long as the column is never null.
     */
    public ListQuery<R> countOf(String notNullExpression) {
        counted = notNullExpression;
        return this;
    }

    /** A query hint for the page query (not the count), e.g. EclipseLink's read-only or batch reading. */
    public ListQuery<R> hint(String name, Object value) {
        hints.put(name, value);
        return this;
    }

    public String jpql() {
        return "SELECT " + select + " FROM " + from + where() + orderBy;
    }

    public String countJpql() {
        return "SELECT COUNT(" + (counted == null ? alias() : counted) + ") FROM " + from + where();
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** One page of rows and how many match in all. */
    public Page<R> page(EntityManager em, Paging paging) {
        TypedQuery<R> query = em.createQuery(jpql(), rowType);
        hints.forEach(query::setHint);
        TypedQuery<Long> count = em.createQuery(countJpql(), Long.class);
        parameters.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        // counted first: a row committed between the two reads then shows in the page without being counted,
        // rather than counted with a page that lacks it (a client waiting for total >= 1 would read no item)
        long total = count.getSingleResult();
        List<R> rows = query.setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList();
        return new Page<>(rows, total, paging.offset(), paging.limit());
    }

    /**
     * How many rows match, for each value of one expression (e.g. a case's state): one {@code GROUP BY} query
     * instead of one count per value. Values no row has are absent.
     */
    public Map<String, Long> countsBy(EntityManager em, String expression) {
        TypedQuery<Object[]> query = em.createQuery("SELECT " + expression + ", COUNT("
                + (counted == null ? alias() : counted) + ") FROM " + from + where() + " GROUP BY " + expression,
                Object[].class);
        parameters.forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** One page, each row turned into what the API shows. */
    public <V> Page<V> page(EntityManager em, Paging paging, Function<? super R, V> view) {
        return page(em, paging).map(view);
    }

    private String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private String alias() {
        return from.substring(from.indexOf(' ') + 1);
    }
}
