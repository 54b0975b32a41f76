package org.coloc.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API lives under /api; every resource requires the admin role (see {@link ApiAuthentication}). */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN})
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's feature enforces @RolesAllowed on resources: 403 for an authenticated caller without the role
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
