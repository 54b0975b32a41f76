package org.coloc.outbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.coloc.platform.Ids;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Outgoing mail: what went out, what waits, what failed and why; try again or withdraw. */
@Path("outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class OutboxResource {

    @EJB
    Outbox outbox;

    @GET
    @Operation(summary = "Outgoing mail, newest first", description = "status: queued, sending, sent, failed, "
            + "dropped; kind: acknowledgement, reply, closing, reminder, certificate-report")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "OutboxMailViewPage")))
    public Page<OutboxMailView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("status") String status, @QueryParam("kind") String kind) {
        return outbox.list(Paging.of(offset, limit), status, kind);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One outgoing mail with the fate of each recipient")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "OutboxMailView")))
    public OutboxMailView get(@PathParam("id") String id) {
        return outbox.get(Ids.parse("outbox mail", id));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a queued, failed or dropped mail again now, to the addresses it did not reach")
    @APIResponse(responseCode = "200", description = "the mail, queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OutboxMailView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OutboxMailView retry(@PathParam("id") String id) {
        return outbox.retry(Ids.parse("outbox mail", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Drop a mail that has not gone out (queued or failed); sent mail is history")
    @APIResponse(responseCode = "204", description = "dropped: it will not be sent")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response drop(@PathParam("id") String id) {
        outbox.drop(Ids.parse("outbox mail", id));
        return Response.noContent().build();
    }
}
