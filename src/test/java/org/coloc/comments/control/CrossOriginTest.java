package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may read the public comment JSON from a page's script. */
class CrossOriginTest {

    private static final Optional<String> BLOG = Optional.of("https://blog.example.org");

    @Test
    void theBlogsOriginMayReadAndRevalidate() {
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "https://blog.example.org",
                "Access-Control-Expose-Headers", "ETag"), CrossOrigin.forGet(BLOG, "https://blog.example.org"));
        assertEquals(Map.of("Vary", "Origin", "Access-Control-Allow-Origin", "https://blog.example.org",
                "Access-Control-Allow-Methods", "GET", "Access-Control-Allow-Headers", "If-None-Match",
                "Access-Control-Max-Age", "600"), CrossOrigin.forPreflight(BLOG, "https://blog.example.org", "GET"));
    }

    @Test
    void anyOtherOriginGetsNoCorsHeaderButVary() {
        for (String other : new String[] {"https://evil.example", "http://blog.example.org", "https://blog.example.org:8443",
                "https://blog.example.org.evil.example", "null", "", " https://blog.example.org", null}) {
            assertEquals(Map.of("Vary", "Origin"), CrossOrigin.forGet(BLOG, other), String.valueOf(other));
            assertEquals(Map.of("Vary", "Origin"), CrossOrigin.forPreflight(BLOG, other, "GET"), String.valueOf(other));
        }
    }

    @Test
    void thePreflightAllowsReadingOnly() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "get", null}) {
            assertEquals(Map.of("Vary", "Origin"), CrossOrigin.forPreflight(BLOG, "https://blog.example.org", method));
        }
    }

    @Test
    void withoutABlogOriginNothingIsSaid() {
        assertEquals(Map.of(), CrossOrigin.forGet(Optional.empty(), "https://blog.example.org"));
        assertEquals(Map.of(), CrossOrigin.forPreflight(Optional.empty(), "https://blog.example.org", "GET"));
    }
}
