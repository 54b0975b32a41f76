package org.coloc.inventory.boundary;

import java.util.Locale;
import java.util.Set;
import org.coloc.platform.Ids;
import org.coloc.platform.LikePattern;
import org.coloc.platform.ProblemException;

/** Query-parameter filters of the inventory lists, checked the same way everywhere. */
final class Filters {

    private Filters() {
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ProblemException.badRequest(name + " must be one of " + allowed.stream().sorted().toList() + ".");
        }
        return v;
    }

    static long id(String name, String value) {
        return Ids.parse(name, value.trim());
    }

    static int days(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0 && n <= 3650) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("expiringWithinDays must be a whole number of days between 0 and 3650.");
    }

    /** A case-insensitive substring pattern; LIKE wildcards typed by the user are taken literally. */
    static String like(String q) {
        return LikePattern.containing(q);
    }
}
