package org.coloc.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every health check with its details (mailbox, counters, last error): 200 when all are UP, else 503. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class HealthResource {

    @Inject
    HealthChecks checks;

    @GET
    @Operation(summary = "Health checks with their details (the public /health says only UP or DOWN)")
    @APIResponse(responseCode = "200", description = "everything is UP")
    @APIResponse(responseCode = "503", description = "something is DOWN; the checks say what")
    public Response health() {
        HealthReport report = checks.run(HealthChecks.Kind.ALL);
        return Response.status(report.httpStatus()).entity(report).build();
    }
}
