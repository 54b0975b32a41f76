package org.coloc.platform.changes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.coloc.platform.Ids;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The change log: every create, update and delete of a record, newest first. */
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class ChangesResource {

    private static final Set<String> TYPES = Set.of("member", "host", "vm", "maintenance");

    @EJB
    ChangeLog changes;

    @GET
    @Operation(summary = "Changes of records, newest first", description = "type: member, host, vm or maintenance; id: a record id")
    public Page<ChangeView> list(@QueryParam("type") String type, @QueryParam("id") String id,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        if (type != null && !TYPES.contains(type)) {
            throw ProblemException.badRequest("type must be one of " + TYPES.stream().sorted().toList() + ".");
        }
        Long recordId = id == null || id.isBlank() ? null : Ids.parse("record", id);
        return changes.list(type, recordId, Paging.of(offset, limit));
    }
}
