package org.coloc.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code sort=name,-updated} into a JPQL ORDER BY over a fixed set of sortable fields (never the
 * raw parameter: no injection). The id always ends the order so that paging is stable. Pure code.
 */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param fields API field name to JPQL path, e.g. {@code "name" -> "r.name"}
     * @param fallback the sort when none is asked for
     */
    public static String orderBy(String sort, Map<String, String> fields, String alias, String fallback) {
        String spec = sort == null || sort.isBlank() ? fallback : sort;
        List<String> parts = new ArrayList<>();
        for (String f : CommaList.items(spec)) {
            boolean descending = f.startsWith("-");
            String name = descending || f.startsWith("+") ? f.substring(1) : f;
            String path = fields.get(name);
            if (path == null) {
                throw ProblemException.badRequest("Cannot sort by '" + name + "'; sortable fields: "
                        + fields.keySet().stream().sorted().toList() + " (prefix '-' for descending).");
            }
            parts.add(path + (descending ? " DESC" : " ASC"));
        }
        parts.add(alias + ".id ASC");
        return " ORDER BY " + String.join(", ", parts);
    }
}
