package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.coloc.platform.Ids;
import org.coloc.platform.MediaTypes;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Physical servers in the rack, with their capacity. */
@Path("hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class HostsResource {

    @EJB
    Hosts hosts;

    @Context
    SecurityContext security;

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

    @GET
    @Path("{id}")
    @Operation(summary = "One host, with its capacity; the ETag is its version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    public Response get(@PathParam("id") String id) {
        return hosts.get(Ids.parse("host", id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a host")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(String body) {
        return hosts.create(body, actor()).created("hosts");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a host (If-Match: its ETag)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return hosts.replace(Ids.parse("host", id), body, ifMatch, actor()).ok();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a host (JSON merge patch; If-Match: its ETag)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return hosts.patch(Ids.parse("host", id), body, ifMatch, actor()).ok();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a host that carries no VM (If-Match: its ETag)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        hosts.delete(Ids.parse("host", id), ifMatch, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
