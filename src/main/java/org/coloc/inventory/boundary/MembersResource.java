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

/** Members of the collective. */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MembersResource {

    @EJB
    Members members;

    @Context
    SecurityContext security;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberViewPage")))
    @Operation(summary = "List members", description = "Filters: status (active, former), language (fr, en), q "
            + "(in name, e-mail, project). sort: displayName, email, joined, status, created, updated, id; '-' for descending.")
    public Page<MemberView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("status") String status, @QueryParam("language") String language, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        return members.list(Paging.of(offset, limit), status, language, q, sort);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One member; the ETag is its version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response get(@PathParam("id") String id) {
        return members.get(Ids.parse("member", id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a member")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(String body) {
        return members.create(body, actor()).created("members");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a member (If-Match: its ETag)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return members.replace(Ids.parse("member", id), body, ifMatch, actor()).ok();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a member (JSON merge patch; If-Match: its ETag)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return members.patch(Ids.parse("member", id), body, ifMatch, actor()).ok();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a member who owns no VM (If-Match: its ETag)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        members.delete(Ids.parse("member", id), ifMatch, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
