package org.coloc.maintenance.boundary;

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

/** Planned maintenances: the record, who it tells and what they will read, and the admin's actions on it. */
@Path("maintenances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MaintenancesResource {

    private static final String WHAT = "maintenance";

    @EJB
    Maintenances maintenances;

    @Context
    SecurityContext security;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceViewPage")))
    @Operation(summary = "List maintenances", description = "Filters: state (draft, announced, in-progress, completed, "
            + "cancelled), q (in the titles). sort: start, title, state, created, updated, id; '-' for descending.")
    public Page<MaintenanceView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("state") String state, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        return maintenances.list(Paging.of(offset, limit), state, q, sort);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One maintenance; the ETag is its version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    public Response get(@PathParam("id") String id) {
        return maintenances.get(Ids.parse(WHAT, id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a maintenance (a draft: nobody is told yet)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    public Response create(String body) {
        return maintenances.create(body, actor()).created("maintenances");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a maintenance (If-Match: its ETag); once announced, a new window or text is mailed")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return maintenances.replace(Ids.parse(WHAT, id), body, ifMatch, actor()).ok();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields (JSON merge patch; If-Match: its ETag)", description = "Once announced: "
            + "a new start, end or time zone sends a 'rescheduled' notice, a new text an 'updated' one, each with "
            + "the calendar SEQUENCE + 1; what it affects no longer changes (409). Completed or cancelled: 409.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MaintenanceView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return maintenances.patch(Ids.parse(WHAT, id), body, ifMatch, actor()).ok();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft (If-Match: its ETag); others are cancelled instead")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        maintenances.delete(Ids.parse(WHAT, id), ifMatch, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/audience")
    @Operation(summary = "Who is told: the active owners of the affected VMs in service, each with their VMs")
    public Maintenances.AudienceView audience(@PathParam("id") String id) {
        return maintenances.audience(Ids.parse(WHAT, id));
    }

    @GET
    @Path("{id}/preview")
    @Operation(summary = "The announcement a member of the audience will get: subject, text and calendar")
    public Maintenances.Preview preview(@PathParam("id") String id, @QueryParam("member") String member) {
        return maintenances.preview(Ids.parse(WHAT, id), member);
    }

    @POST
    @Path("{id}/announce")
    @Operation(summary = "Announce a draft: one mail with a calendar invitation to each member told")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response announce(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return maintenances.announce(Ids.parse(WHAT, id), ifMatch, actor()).ok();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel it ({\"reason\": \"…\"} optional); those told get a calendar cancellation")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return maintenances.cancel(Ids.parse(WHAT, id), body, ifMatch, actor()).ok();
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete a maintenance in progress; those told hear it is over")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return maintenances.complete(Ids.parse(WHAT, id), ifMatch, actor()).ok();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
