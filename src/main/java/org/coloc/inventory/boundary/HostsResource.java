package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.RecordApi;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Physical servers in the rack, with their capacity. */
@Path("hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class HostsResource extends RecordResource<HostView> {

    /** What it inherits, as OpenAPI describes it. */
    public static final RecordApi API = RecordApi.of(HostsResource.class, "a host", "HostView")
            .deleting("Delete a host that carries no VM (If-Match: its ETag)");

    @EJB
    Hosts hosts;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostViewPage")))
    @Operation(summary = "List hosts", description = "Filters: status (active, maintenance, retired), q (in name, "
            + "model, notes). sort: name, status, cores, memoryMiB, storageGiB, created, updated, id; '-' for descending.")
    public Page<HostView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        return hosts.list(Paging.of(offset, limit), status, q, sort);
    }

    @GET
    @Path("capacity")
    @Operation(summary = "Allocated and available vCPUs, memory and disk per host, and in total over hosts not retired")
    public CapacitySummary capacity() {
        return hosts.capacity();
    }

    @Override
    protected Records<?, ?, HostView> records() {
        return hosts;
    }
}
