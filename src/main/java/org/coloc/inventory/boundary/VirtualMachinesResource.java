package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.coloc.platform.RecordApi;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Virtual machines lent to members. */
@Path("vms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class VirtualMachinesResource extends RecordResource<VmView> {

    /** What it inherits, as OpenAPI describes it. */
    public static final RecordApi API = RecordApi.of(VirtualMachinesResource.class, "a VM", "VmView")
            .listing("List VMs", "Filters: host (id), owner (member id), status (requested, provisioning, active, "
                    + "suspended, decommissioned), os (alpine, debian), q (in name, hostname, notes, domains). sort: "
                    + "name, hostname, os, status, vcpus, memoryMiB, diskGiB, host, owner, created, updated, id; '-' "
                    + "for descending.", "host", "owner", "status", "os", "q");

    @EJB
    VirtualMachines vms;

    @EJB
    CertificateWatch watch;

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

    @Override
    protected Records<?, ?, VmView> records() {
        return vms;
    }
}
