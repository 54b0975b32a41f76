package org.coloc.maintenance.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.coloc.maintenance.control.ConditionalGet;
import org.coloc.maintenance.control.PublicFeeds;
import org.coloc.platform.JsonSupport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * The public list of maintenances, without login (see {@code ApiAuthentication#isPublic}): upcoming ones and those
 * of the last 90 days, with host names only. The same list as the feeds under {@code /feeds}.
 */
@Path("public/maintenances")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicMaintenancesResource {

    @Inject
    PublicMaintenances maintenances;

    @GET
    @SecurityRequirementsSet
    @Operation(summary = "Public: upcoming and recent maintenances (no login; no address, no member)")
    @APIResponse(responseCode = "200", description = "{items: [{id, title, titleEn, description, descriptionEn, "
            + "start, end, timeZone, state, everything, hosts, updated}], total}")
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        byte[] body = PublicFeeds.json(JsonSupport.JSON, maintenances.list());
        return ConditionalGet.answer(body, MediaType.APPLICATION_JSON_TYPE, ifNoneMatch, ConditionalGet.CACHE_CONTROL)
                .build();
    }
}
