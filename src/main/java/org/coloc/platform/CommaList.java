package org.coloc.platform;

import java.util.Arrays;
import java.util.List;

/** Lists written with commas, as settings and query parameters give them ({@code a, b,,c}). */
public final class CommaList {

    private CommaList() {
    }

    /** The items, trimmed, in order; empty ones (doubled or trailing commas) are left out. */
    public static List<String> items(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
