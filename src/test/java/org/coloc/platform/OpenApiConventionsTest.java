package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

    @Test
    void everyOperationCanAnswerUnauthorized() {
        assertEquals(Map.of("401", "Unauthorized"), OpenApiConventions.problemsOf("/api/health", false, false));
    }

    @Test
    void anOperationTakingInputCanAnswerBadRequest() {
        assertEquals(Map.of("400", "BadRequest", "401", "Unauthorized"),
                OpenApiConventions.problemsOf("/api/members", true, false));
    }

    @Test
    void anOperationOnOneRecordCanAnswerNotFoundAndWithIfMatchPreconditionFailed() {
        assertEquals(Map.of("400", "BadRequest", "401", "Unauthorized", "404", "NotFound"),
                OpenApiConventions.problemsOf("/api/cases/{number}/notes", true, false));
        assertEquals(Map.of("400", "BadRequest", "401", "Unauthorized", "404", "NotFound", "412", "PreconditionFailed"),
                OpenApiConventions.problemsOf("/api/hosts/{id}", true, true));
    }

    @Test
    void theResourceIsTheFirstSegmentBelowTheApiRoot() {
        assertEquals("vms", OpenApiConventions.resourceOf("/api/vms/certificates/report"));
        assertEquals("tokens", OpenApiConventions.resourceOf("/api/tokens"));
        assertEquals("cases", OpenApiConventions.resourceOf("/api/cases/{number}"));
    }

    @Test
    void thePublicListAsksForNoLogin() {
        assertEquals(Map.of(), OpenApiConventions.problemsOf("/api/public/maintenances", false, false));
    }
}
