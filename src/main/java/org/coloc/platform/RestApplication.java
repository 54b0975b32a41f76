package org.coloc.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API lives under /api. Callers authenticate with HTTP Basic (the admin) or a Bearer API token
 * (see {@link ApiAuthentication}); resources declare the roles they accept.
 */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.API})
@OpenAPIDefinition(
        info = @Info(title = "coloc", version = "1", description = "Mail intake, members, hosts and VMs of la coloc. "
                + "Lists answer {items, total, offset, limit}; errors are application/problem+json."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")},
        components = @Components(
                responses = {
                    @APIResponse(name = "BadRequest", responseCode = "400",
                            description = "invalid input: each bad field is named in errors",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                    @APIResponse(name = "Unauthorized", responseCode = "401", description = "no or wrong credentials",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                    @APIResponse(name = "NotFound", responseCode = "404", description = "no such record",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                    @APIResponse(name = "Conflict", responseCode = "409",
                            description = "duplicate name or address, or a record still in use",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                    @APIResponse(name = "PreconditionFailed", responseCode = "412",
                            description = "If-Match does not name the current version",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))},
                securitySchemes = {
                    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
                    @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")}))
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's feature enforces @RolesAllowed on resources: 403 for an authenticated caller without the role
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
