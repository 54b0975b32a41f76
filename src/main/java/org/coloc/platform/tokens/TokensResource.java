package org.coloc.platform.tokens;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.coloc.platform.Ids;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.JsonInput;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API tokens for scripts; only the admin (with his password) manages them. The token is shown once. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "403", description = "API tokens cannot manage tokens: log in as admin")
public class TokensResource {

    @EJB
    ApiTokens tokens;

    @Inject
    TokenCache cache;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a named token; the answer is the only time its value is shown")
    @APIResponse(responseCode = "201", description = "id, name and token")
    @APIResponse(responseCode = "409", description = "a token with that name exists")
    public Response create(String body) {
        JsonInput in = JsonInput.of(JsonBodies.parse(body), Set.of("name"), Set.of());
        String name = in.string("name", true, 100);
        in.check();
        ApiTokens.Created created = tokens.create(name);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Operation(summary = "Tokens, without their values")
    public List<ApiTokens.TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(Ids.parse("token", id));
        // after the commit, so no request can put the token back in between
        cache.clear();
        return Response.noContent().build();
    }
}
