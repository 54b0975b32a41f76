package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coloc.platform.Roles;

/** Members of the collective. */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MembersResource extends RecordResource<MemberView> {

    @EJB
    Members members;

    @Override
    protected Records<?, ?, MemberView> records() {
        return members;
    }
}
