package org.coloc.platform;

import java.util.List;
import java.util.function.Function;

/** The list envelope of every collection in the API. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** The same page with each item turned into another (e.g. an entity into its view). */
    public <V> Page<V> map(Function<? super T, V> f) {
        return new Page<>(items.stream().<V>map(f).toList(), total, offset, limit);
    }
}
