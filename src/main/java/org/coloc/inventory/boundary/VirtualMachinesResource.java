package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.coloc.inventory.control.InventorySettings;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Virtual machines lent to members. */
@Path("vms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class VirtualMachinesResource extends RecordResource<VmView> {

    /** The daily report's window in days, sent along with the certificates list. */
    public static final String WARN_DAYS_HEADER = "Coloc-Warn-Days";

    @EJB
    VirtualMachines vms;

    @EJB
    CertificateWatch watch;

    @Inject
    InventorySettings settings;

    @Context
    HttpServletResponse response;

    @GET
    @Path("certificates")
    @Operation(summary = "Certificates expiring within N days (or already expired), soonest first", description = "The "
            + "header Coloc-Warn-Days says the daily report's window (coloc.certificates.warn-days), which the dashboard "
            + "highlights.")
    public List<CertificateView> certificates(@QueryParam("expiringWithinDays") String days) {
        int n = days == null || days.isBlank() ? 30 : Filters.days(days);
        // the dashboard highlights what the daily report will mail; a header keeps the list's JSON as it was
        response.setHeader(WARN_DAYS_HEADER, Integer.toString(settings.certificateWarnDays()));
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
