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
@PermitAll
public class PublicMaintenancesResource {

    @Inject
    PublicMaintenances maintenances;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(summary = "Public: upcoming and recent maintenances (no login; no address, no member)")
    @APIResponse(responseCode = "200", description = "{items: [{id, title, titleEn, description, descriptionEn, "
            + "start, end, timeZone, state, everything, hosts, updated}], total}")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        byte[] body = PublicFeeds.json(JsonSupport.JSON, maintenances.list());
        String etag = ConditionalGet.etag(body);
        Response.ResponseBuilder response = ConditionalGet.notModified(ifNoneMatch, etag)
                ? Response.notModified() : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, ConditionalGet.CACHE_CONTROL)
                .build();
    }
}
