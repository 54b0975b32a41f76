package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Physical servers in the rack, with their capacity. */
@Path("hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class HostsResource extends RecordResource<HostView> {

    @EJB
    Hosts hosts;

    @GET
    @Path("capacity")
    @Operation(summary = "Allocated and available vCPUs, memory and disk per host, and in total over hosts not retired")
    public CapacitySummary capacity() {
        return hosts.capacity();
    }

    @Override
    protected Records<?, ?, HostView> records() {
        return hosts;
    }
}
