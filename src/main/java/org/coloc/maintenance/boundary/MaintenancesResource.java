package org.coloc.maintenance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.coloc.inventory.boundary.RecordResource;
import org.coloc.inventory.boundary.Records;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Planned maintenances: the record, who it tells and what they will read, and the admin's actions on it. */
@Path("maintenances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MaintenancesResource extends RecordResource<MaintenanceView> {

    @EJB
    Maintenances maintenances;

    @GET
    @Path("{id}/audience")
    @Operation(summary = "Who is told: the active owners of the affected VMs in service, each with their VMs")
    public Maintenances.AudienceView audience(@PathParam("id") String id) {
        return maintenances.audience(maintenances.idOf(id));
    }

    @GET
    @Path("{id}/preview")
    @Operation(summary = "The announcement a member of the audience will get: subject, text and calendar")
    public Maintenances.Preview preview(@PathParam("id") String id, @QueryParam("member") String member) {
        return maintenances.preview(maintenances.idOf(id), member);
    }

    @POST
    @Path("{id}/announce")
    @Operation(summary = "Announce a draft: one mail with a calendar invitation to each member told")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response announce(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return maintenances.announce(maintenances.idOf(id), ifMatch, actor()).ok();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel it ({\"reason\": \"…\"} optional); those told get a calendar cancellation")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return maintenances.cancel(maintenances.idOf(id), body, ifMatch, actor()).ok();
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete a maintenance in progress; those told hear it is over")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return maintenances.complete(maintenances.idOf(id), ifMatch, actor()).ok();
    }

    @Override
    protected Records<?, ?, MaintenanceView> records() {
        return maintenances;
    }
}
