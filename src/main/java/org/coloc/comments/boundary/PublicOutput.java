package org.coloc.comments.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.coloc.comments.control.CommentFeeds;
import org.coloc.maintenance.control.ConditionalGet;
import org.coloc.platform.Problem;

/** How the public comment servlets answer: cacheable with a strong ETag and 304, or a bare 404 problem. */
final class PublicOutput {

    private PublicOutput() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, String mediaType)
            throws IOException {
        String etag = ConditionalGet.etag(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CommentFeeds.CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ConditionalGet.notModified(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        response.setContentType(mediaType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The same answer whatever was asked: the path is never repeated back. */
    static void notFound(HttpServletResponse response) throws IOException {
        byte[] body = Problem.of(404, "Not Found", "No such post.").toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(404);
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
