package org.coloc.platform;

import java.util.Locale;

/** The `q` search of every list: a case-insensitive substring, with LIKE wildcards typed by the user taken literally. */
public final class LikePattern {

    private LikePattern() {
    }

    /** A pattern for {@code LOWER(column) LIKE :q ESCAPE '\'}: {@code %} and {@code _} match only themselves. */
    public static String containing(String q) {
        String escaped = q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
