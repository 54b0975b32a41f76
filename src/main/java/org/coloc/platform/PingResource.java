package org.coloc.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Answers who the caller is, touching nothing else: lets a script check its credentials, and is the
 * framework floor (HTTP, authentication, JAX-RS, JSON) the API benchmark compares real endpoints with.
 */
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class PingResource {

    @GET
    @Operation(summary = "Who am I: the caller's name")
    public Map<String, String> ping(@Context SecurityContext security) {
        return Map.of("caller", security.getUserPrincipal().getName());
    }
}
