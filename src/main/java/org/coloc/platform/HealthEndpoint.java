package org.coloc.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The public health endpoints of MicroProfile Health ({@code /health}, {@code /health/live},
 * {@code /health/ready}, {@code /health/started}) for load balancers and probes: 200 {"status":"UP"} or 503
 * {"status":"DOWN"}, without any check's details, which only {@code GET /api/health} shows (to the admin or a
 * token).
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthEndpoint extends HttpServlet {

    @Inject
    HealthChecks checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        HealthChecks.Kind kind = switch (path) {
            case "", "/" -> HealthChecks.Kind.ALL;
            case "/live" -> HealthChecks.Kind.LIVE;
            case "/ready" -> HealthChecks.Kind.READY;
            case "/started" -> HealthChecks.Kind.STARTED;
            default -> null;
        };
        if (kind == null) {
            response.sendError(404);
            return;
        }
        HealthReport report = checks.run(kind);
        response.setStatus(report.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"status\":\"" + report.status() + "\"}");
    }
}
