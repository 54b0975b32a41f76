package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Runs the application's MicroProfile health checks ({@code @Liveness}, {@code @Readiness}, {@code @Startup}
 * beans). Payara's own /health endpoint is switched off (server-config/pre-boot-commands.txt) because it
 * shows every check's data to anybody; {@link HealthEndpoint} and {@link HealthResource} serve them instead.
 */
@ApplicationScoped
public class HealthChecks {

    public enum Kind {
        ALL, LIVE, READY, STARTED
    }

    @Inject
    @Any
    Instance<HealthCheck> checks;

    public HealthReport run(Kind kind) {
        List<HealthCheck> selected = new ArrayList<>();
        if (kind == Kind.ALL || kind == Kind.LIVE) {
            checks.select(Liveness.Literal.INSTANCE).forEach(selected::add);
        }
        if (kind == Kind.ALL || kind == Kind.READY) {
            checks.select(Readiness.Literal.INSTANCE).forEach(selected::add);
        }
        if (kind == Kind.ALL || kind == Kind.STARTED) {
            checks.select(Startup.Literal.INSTANCE).forEach(selected::add);
        }
        return HealthReport.of(selected);
    }
}
