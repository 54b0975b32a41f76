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
import java.util.List;
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

/** Virtual machines lent to members. */
@Path("vms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class VirtualMachinesResource {

    @EJB
    VirtualMachines vms;

    @EJB
    CertificateWatch watch;

    @Context
    SecurityContext security;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmViewPage")))
    @Operation(summary = "List VMs", description = "Filters: host (id), owner (member id), status (requested, "
            + "provisioning, active, suspended, decommissioned), os (alpine, debian), q (in name, hostname, notes, domains). "
            + "sort: name, hostname, os, status, vcpus, memoryMiB, diskGiB, host, owner, created, updated, id; '-' for descending.")
    public Page<VmView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("host") String host, @QueryParam("owner") String owner, @QueryParam("status") String status,
            @QueryParam("os") String os, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        return vms.list(Paging.of(offset, limit), host, owner, status, os, q, sort);
    }

    @GET
    @Path("certificates")
    @Operation(summary = "Certificates expiring within N days (or already expired), soonest first")
    public List<CertificateView> certificates(@QueryParam("expiringWithinDays") String days) {
        int n = days == null || days.isBlank() ? 30 : Filters.days(days);
        return vms.certificatesExpiring(n);
    }

    @POST
    @Path("certificates/report")
    @Operation(summary = "Mail the admin the certificates expiring soon now, as the daily check does")
    public CertificateWatch.Report report() {
        return watch.sendReport();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One VM; the ETag is its version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    public Response get(@PathParam("id") String id) {
        return vms.get(Ids.parse("VM", id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a VM")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(String body) {
        return vms.create(body, actor()).created("vms");
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a VM (If-Match: its ETag)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return vms.replace(Ids.parse("VM", id), body, ifMatch, actor()).ok();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a VM (JSON merge patch; If-Match: its ETag)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VmView")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return vms.patch(Ids.parse("VM", id), body, ifMatch, actor()).ok();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a VM (If-Match: its ETag)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        vms.delete(Ids.parse("VM", id), ifMatch, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
