package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthCheck check(String name, HealthCheckResponse.Status status, Map<String, Object> data) {
        return () -> new HealthCheckResponse(name, status, Optional.ofNullable(data));
    }

    @Test
    void upOnlyWhenEveryCheckIsUp() {
        HealthReport up = HealthReport.of(List.of(check("a", HealthCheckResponse.Status.UP, null)));
        assertEquals(200, up.httpStatus());
        HealthReport down = HealthReport.of(List.of(check("a", HealthCheckResponse.Status.UP, null),
                check("mailbox", HealthCheckResponse.Status.DOWN, Map.of("lastError", "LOGIN failed for coloc"))));
        assertEquals("DOWN", down.status());
        assertEquals(503, down.httpStatus());
        assertEquals("LOGIN failed for coloc", down.checks().get(1).data().get("lastError"));
        assertEquals(new HealthReport.Summary("DOWN"), down.summary());
        assertEquals(200, HealthReport.of(List.of()).httpStatus());
    }

    @Test
    void aThrowingCheckIsDown() {
        HealthCheck broken = () -> {
            throw new IllegalStateException("boom");
        };
        HealthReport r = HealthReport.of(List.of(broken));
        assertFalse(r.up());
        assertEquals("DOWN", r.checks().get(0).status());
    }
}
