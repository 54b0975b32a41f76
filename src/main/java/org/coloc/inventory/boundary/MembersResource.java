package org.coloc.inventory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coloc.platform.RecordApi;
import org.coloc.platform.Roles;

/** Members of the collective. */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class MembersResource extends RecordResource<MemberView> {

    /** What it inherits, as OpenAPI describes it. */
    public static final RecordApi API = RecordApi.of(MembersResource.class, "a member", "MemberView")
            .listing("List members", "Filters: status (active, former), language (fr, en), q (in name, e-mail, "
                    + "project). sort: displayName, email, joined, status, created, updated, id; '-' for descending.",
                    "status", "language", "q")
            .deleting("Delete a member who owns no VM (If-Match: its ETag)");

    @EJB
    Members members;

    @Override
    protected Records<?, ?, MemberView> records() {
        return members;
    }
}
