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

/** Members of the collective. */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MembersResource extends RecordResource<MemberView> {

    /** What it inherits, as OpenAPI describes it. */
    public static final RecordApi API = RecordApi.of(MembersResource.class, "a member", "MemberView")
            .deleting("Delete a member who owns no VM (If-Match: its ETag)");

    @EJB
    Members members;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberViewPage")))
    @Operation(summary = "List members", description = "Filters: status (active, former), language (fr, en), q "
            + "(in name, e-mail, project). sort: displayName, email, joined, status, created, updated, id; '-' for descending.")
    public Page<MemberView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("status") String status, @QueryParam("language") String language, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        return members.list(Paging.of(offset, limit), status, language, q, sort);
    }

    @Override
    protected Records<?, ?, MemberView> records() {
        return members;
    }
}
