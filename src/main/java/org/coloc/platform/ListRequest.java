package org.coloc.platform;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a list endpoint was asked, read from its query string: the page (offset, limit, checked by {@link Paging}),
 * the sort and the filters by name. Each kind of record reads the filters it knows and ignores others, as named
 * {@code @QueryParam}s did. A repeated parameter counts by its first value, as JAX-RS gives it. Pure code.
 */
public record ListRequest(Paging paging, String sort, Map<String, String> filters) {

    public static ListRequest of(MultivaluedMap<String, String> query) {
        return new ListRequest(Paging.of(query.getFirst("offset"), query.getFirst("limit")), query.getFirst("sort"),
                Map.copyOf(query.entrySet().stream()
                        .filter(e -> e.getValue() != null && !e.getValue().isEmpty() && e.getValue().get(0) != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)))));
    }

    /** The filter's value as asked, or null when not asked. */
    public String filter(String name) {
        return filters.get(name);
    }
}
