package org.coloc.comments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.coloc.comments.control.PostInput;
import org.coloc.platform.CallerAware;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The blog's posts: what the admin declares, and the comment address and mailto link for the blog's template. */
@Path("posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class PostsResource extends CallerAware {

    @EJB
    Posts posts;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PostViewPage")))
    @Operation(summary = "Posts, newest first", description = "open: true or false")
    public Page<PostView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("open") String open) {
        return posts.list(Paging.of(offset, limit), open);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One post, with its comment address and a ready mailto link")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PostView")))
    public PostView get(@PathParam("slug") String slug) {
        return posts.get(slug);
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a post ({\"title\", \"url\", \"language\": fr|en, \"open\"})",
            description = "slug: lower-case letters, digits and dashes, 1 to 100, not a reserved word (unsubscribe…)")
    @APIResponse(responseCode = "200", description = "replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PostView")))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PostView")))
    public Response put(@PathParam("slug") String slug, String body) {
        Posts.Put put = posts.put(PostInput.read(slug, JsonBodies.parse(body)), actor());
        return Response.status(put.created() ? 201 : 200).entity(put.post()).build();
    }

    @DELETE
    @Path("{slug}")
    @Operation(summary = "Delete a post that has no comments")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "409", description = "the post has comments")
    public Response delete(@PathParam("slug") String slug) {
        posts.delete(slug, actor());
        return Response.noContent().build();
    }
}
