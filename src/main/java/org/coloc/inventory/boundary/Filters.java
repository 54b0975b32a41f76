package org.coloc.inventory.boundary;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.coloc.platform.Ids;
import org.coloc.platform.ProblemException;

/** Query-parameter filters of the inventory lists, checked the same way everywhere. */
final class Filters {

    private Filters() {
    }

    /** A list filter's check: the value, lower-cased, if it is one of {@code allowed}; 400 naming them otherwise. */
    static Function<String, String> oneOf(String name, Set<String> allowed) {
        return value -> oneOf(name, value, allowed);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ProblemException.badRequest(name + " must be one of " + allowed.stream().sorted().toList() + ".");
        }
        return v;
    }

    /** A list filter's check: a record id (400 for anything else). */
    static Function<String, Long> id(String name) {
        return value -> Ids.parse(name, value.trim());
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
}
