package org.coloc.platform;

import java.util.List;

/** The list envelope of every collection in the API. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
