package org.coloc.comments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.coloc.comments.control.CommentFeeds;
import org.coloc.comments.control.CrossOrigin;
import org.coloc.maintenance.control.ConditionalGet;
import org.coloc.platform.JsonSupport;
import org.coloc.platform.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * A post's published comments as a tree, without login (see {@code ApiAuthentication#isPublic}), for the blog's
 * pages: cacheable (ETag, 304, a minute of {@code Cache-Control}), readable cross-origin by the configured blog
 * origin only ({@code coloc.comments.blog-origin}).
 */
@Path("public/posts/{slug}/comments")
@PermitAll
public class PublicCommentsResource {

    @Inject
    PublicComments comments;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(summary = "Public: a post's published comments as a tree (no login; no address)")
    @APIResponse(responseCode = "200", description = "{post: {slug, title, url}, comments: [{id, parent, authorName, "
            + "text, html, publishedAt, replies: [...]}]}; oldest first; text is plain text, html is sanitized")
    @APIResponse(responseCode = "404", description = "no post has this slug")
    public Response tree(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam("Origin") String origin) {
        Map<String, String> cors = CrossOrigin.forGet(comments.blogOrigin(), origin);
        Optional<PublicComments.Published> found = comments.thread(slug);
        if (found.isEmpty()) {
            // the slug is not repeated back: whatever was asked, the answer is the same
            return with(cors, Response.status(404).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(404, "Not Found", "No such post.").toJson()));
        }
        byte[] body = CommentFeeds.json(JsonSupport.JSON, found.get().post(), found.get().tree());
        return with(cors, ConditionalGet.answer(body, MediaType.APPLICATION_JSON_TYPE, ifNoneMatch,
                CommentFeeds.CACHE_CONTROL));
    }

    /** The CORS preflight: allowed for GET from the blog's origin only. */
    @OPTIONS
    @SecurityRequirementsSet
    @Operation(summary = "Public: CORS preflight (GET from the configured blog origin only)")
    @APIResponse(responseCode = "204", description = "Access-Control-Allow-* headers for the blog's origin, none else")
    public Response preflight(@HeaderParam("Origin") String origin,
            @HeaderParam("Access-Control-Request-Method") String method) {
        return with(CrossOrigin.forPreflight(comments.blogOrigin(), origin, method),
                Response.noContent().header("Allow", "GET, HEAD, OPTIONS"));
    }

    private static Response with(Map<String, String> headers, Response.ResponseBuilder response) {
        headers.forEach(response::header);
        return response.build();
    }
}
