package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which paths ask for a login: the whole API and the metrics, but for the public list of maintenances. */
class ApiAuthenticationPathsTest {

    @Test
    void theApiAndTheMetricsAskForALogin() {
        for (String path : new String[] {"/api", "/api/members", "/api/maintenances", "/metrics", "/metrics/base"}) {
            assertTrue(ApiAuthentication.isProtected(path), path);
        }
    }

    @Test
    void onlyThePublicListOfMaintenancesIsOpen() {
        assertFalse(ApiAuthentication.isProtected("/api/public/maintenances"));
        assertFalse(ApiAuthentication.isProtected("/feeds/maintenances.atom"), "outside the API");
        for (String path : new String[] {"/api/public", "/api/public/", "/api/public/maintenances/1",
                "/api/public/maintenances/", "/api/public/../members", "/api/public/maintenances/../../members",
                "/api/public/%2e%2e/members", "/api/public/other"}) {
            assertTrue(ApiAuthentication.isProtected(path), path);
        }
    }
    @Test
    void aPostsPublishedCommentsAreOpenAtExactlyTheirPath() {
        for (String path : new String[] {"/api/public/posts/hello-world/comments", "/api/public/posts/Bad_Slug/comments",
                "/api/public/posts/a/comments"}) {
            assertFalse(ApiAuthentication.isProtected(path), path);
        }
        for (String path : new String[] {"/api/public/posts", "/api/public/posts/", "/api/public/posts/x",
                "/api/public/posts//comments", "/api/public/posts/x/comments/", "/api/public/posts/x/comments/1",
                "/api/public/posts/x/y/comments", "/api/public/posts/../comments", "/api/public/posts/./comments",
                "/api/public/posts/../../members/comments", "/api/public/posts/%2e%2e/comments",
                "/api/public/posts/x%2Fy/comments", "/api/public/posts/x;y/comments", "/api/posts/x/comments",
                "/api/public/posts/" + "a".repeat(201) + "/comments", "/api/comments"}) {
            assertTrue(ApiAuthentication.isProtected(path), path);
        }
    }
}
