package org.coloc.comments.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CORS for the public comment JSON (Fetch standard): the blog's configured origin, and only it, may read the
 * answer from its pages' scripts. Any other origin gets no CORS header at all (the browser then keeps the answer
 * from the page). {@code Vary: Origin} whenever a blog origin is set, so that a shared cache never serves the
 * answer meant for one origin to another. Pure code.
 */
public final class CrossOrigin {

    /** How long a browser may keep a preflight's answer. */
    static final String MAX_AGE = "600";

    private CrossOrigin() {
    }

    /** The headers of an answer to {@code GET} (200 or 304) from a page of {@code origin} (may be null). */
    public static Map<String, String> forGet(Optional<String> blogOrigin, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (blogOrigin.isEmpty()) {
            return headers;
        }
        headers.put("Vary", "Origin");
        if (allowed(blogOrigin, origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            // ETag is not a CORS-safelisted response header: without this, the blog's script cannot revalidate
            headers.put("Access-Control-Expose-Headers", "ETag");
        }
        return headers;
    }

    /**
     * The headers of an answer to a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}): allowed
     * for {@code GET} (and {@code HEAD}) from the blog's origin, with {@code If-None-Match} as the one extra request
     * header; anything else gets no CORS header, which the browser reads as a refusal.
     */
    public static Map<String, String> forPreflight(Optional<String> blogOrigin, String origin, String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (blogOrigin.isEmpty()) {
            return headers;
        }
        headers.put("Vary", "Origin");
        if (allowed(blogOrigin, origin) && ("GET".equals(method) || "HEAD".equals(method))) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Methods", "GET");
            headers.put("Access-Control-Allow-Headers", "If-None-Match");
            headers.put("Access-Control-Max-Age", MAX_AGE);
        }
        return headers;
    }

    /** Exactly the configured origin (scheme and host in any case, as browsers send them in lower case). */
    static boolean allowed(Optional<String> blogOrigin, String origin) {
        return origin != null && blogOrigin.isPresent() && blogOrigin.get().equalsIgnoreCase(origin.strip())
                && origin.equals(origin.strip());
    }
}
