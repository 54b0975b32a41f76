package org.coloc.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The outcome of a set of health checks, in MicroProfile Health's JSON shape. The public endpoints show only
 * {@link #status()}; the details (what each check says: mailbox, host, last error…) are for the admin. A check
 * that throws counts as DOWN. Pure code.
 */
public record HealthReport(String status, List<Check> checks) {

    private static final Logger LOG = Logger.getLogger(HealthReport.class.getName());

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public record Check(String name, String status, Map<String, Object> data) {
    }

    /** What the public sees: UP or DOWN, nothing more. */
    public record Summary(String status) {
    }

    public static HealthReport of(Iterable<? extends HealthCheck> checks) {
        List<Check> results = new ArrayList<>();
        for (HealthCheck check : checks) {
            results.add(run(check::call, check.getClass().getSimpleName()));
        }
        boolean up = results.stream().allMatch(c -> UP.equals(c.status()));
        return new HealthReport(up ? UP : DOWN, List.copyOf(results));
    }

    static Check run(Supplier<HealthCheckResponse> call, String fallbackName) {
        try {
            HealthCheckResponse r = call.get();
            Map<String, Object> data = r.getData().map(LinkedHashMap::new).orElse(null);
            return new Check(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP ? UP : DOWN, data);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + fallbackName + " failed", e);
            return new Check(fallbackName, DOWN, Map.of("error", e.getClass().getName()));
        }
    }

    public boolean up() {
        return UP.equals(status);
    }

    public int httpStatus() {
        return up() ? 200 : 503;
    }

    public Summary summary() {
        return new Summary(status);
    }
}
