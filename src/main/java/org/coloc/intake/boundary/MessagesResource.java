package org.coloc.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.coloc.intake.control.IntakeStore;
import org.coloc.intake.control.ParsedAttachment;
import org.coloc.platform.Ids;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Received mail, as the intake stored it: list, read, download raw, retry a quarantined one. */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MessagesResource {

    @EJB
    Messages messages;

    @EJB
    IntakeStore intake;

    @GET
    @Operation(summary = "Received mail, newest first", description = "classification: human, auto-reply, bounce, "
            + "list, loop; status: ingested, quarantined")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "MessageSummaryPage")))
    public Page<MessageSummary> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("classification") String classification, @QueryParam("status") String status) {
        return messages.list(Paging.of(offset, limit), classification, status);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One mail, decoded")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "MessageDetail")))
    public MessageDetail get(@PathParam("id") String id) {
        return messages.detail(Ids.parse("message", id));
    }

    @GET
    @Path("{id}/raw")
    @Operation(summary = "The exact bytes received")
    @Produces("message/rfc822")
    public Response raw(@PathParam("id") String id) {
        return Response.ok(messages.raw(Ids.parse("message", id)), "message/rfc822").build();
    }

    @GET
    @Path("{id}/attachments/{index}")
    @Operation(summary = "An attachment's decoded content, as a download")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("index") String index) {
        ParsedAttachment a = messages.attachment(Ids.parse("message", id), attachmentIndex(index));
        String name = a.name() == null ? "attachment" : a.name().replaceAll("[\\r\\n\"\\\\]", "_");
        // always a download, never rendered inline: an attached HTML page must not run in the dashboard's origin
        return Response.ok(a.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static int attachmentIndex(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw org.coloc.platform.ProblemException.badRequest("'" + raw + "' is not an attachment index.");
        }
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Parse a quarantined mail again")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public MessageDetail retry(@PathParam("id") String id) {
        long mailId = Ids.parse("message", id);
        intake.retry(mailId);
        return messages.detail(mailId);
    }
}
