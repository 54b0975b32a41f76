package org.coloc.comments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.coloc.comments.control.AuthorName;
import org.coloc.comments.control.CommentExport;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.platform.CallerAware;
import org.coloc.platform.Ids;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.JsonInput;
import org.coloc.platform.Labelled;
import org.coloc.platform.MediaTypes;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The admin's comments: moderation, names, deletion, and the whole set as JSON (export and import). */
@Path("comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class CommentsResource extends CallerAware {

    @EJB
    Comments comments;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentViewPage")))
    @Operation(summary = "Comments, newest first", description = "state: pending, published, rejected, spam; "
            + "post: a slug; q: in the text, the name and the address")
    public Page<CommentView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("state") String state, @QueryParam("post") String post, @QueryParam("q") String q) {
        return comments.list(Paging.of(offset, limit), state, post, q);
    }

    @GET
    @Path("export")
    @Operation(summary = "Every post and comment as JSON: what POST /api/comments/import restores")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentExport")))
    public CommentExport export() {
        return comments.export();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore an export: posts upserted by slug, comments re-created with their states, dates "
            + "and replies (a comment whose Message-ID is already on its post is skipped)")
    @APIResponse(responseCode = "200", description = "what was created, updated and skipped")
    @APIResponse(responseCode = "400", description = "bad JSON, each bad field named by its path")
    public Comments.Imported importAll(String body) {
        return comments.importAll(CommentExport.read(JsonBodies.parse(body)), actor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One comment")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentView")))
    public CommentView get(@PathParam("id") String id) {
        return comments.get(Ids.parse("comment", id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Moderate ({\"state\": published|rejected|spam|pending}) and/or rename ({\"authorName\"})",
            description = "A state change notifies as a signed moderation link does (e.g. the author, once published)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentView")))
    public CommentView change(@PathParam("id") String id, String body) {
        long commentId = Ids.parse("comment", id);
        JsonInput in = JsonInput.of(JsonBodies.parse(body), Set.of("state", "authorName"), Set.of());
        String state = in.present("state") ? in.oneOf("state", Comments.STATES, null) : null;
        String name = in.string("authorName", false, Comment.MAX_AUTHOR_NAME);
        String cleaned = name == null ? null : AuthorName.clean(name);
        if (name != null && cleaned == null) {
            in.error("authorName", "must be a name to show (no address, not only invisible characters)");
        }
        in.check();
        return comments.change(commentId, state == null ? null : Labelled.parse(CommentState.class, state), cleaned,
                actor());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a comment; its replies stay, answering its parent")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") String id) {
        comments.delete(Ids.parse("comment", id), actor());
        return Response.noContent().build();
    }
}
