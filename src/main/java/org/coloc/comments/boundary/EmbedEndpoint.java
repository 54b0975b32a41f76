package org.coloc.comments.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.coloc.comments.control.CommentFeeds;
import org.coloc.comments.control.PublicPost;

/**
 * {@code /embed/<slug>}: a post's comments as an HTML fragment for the blog, included server-side or shown in an
 * iframe, without login. It needs no script and loads nothing; its Content-Security-Policy says so to the browser
 * (nothing may load but a stylesheet of coloc's own, and only the blog's origin may frame it when one is set).
 */
@WebServlet(urlPatterns = "/embed/*")
public class EmbedEndpoint extends HttpServlet {

    static final String HTML = "text/html;charset=UTF-8";

    @Inject
    PublicComments comments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<PublicComments.Published> found = path == null || !path.startsWith("/")
                ? Optional.empty() : Optional.of(path.substring(1)).filter(PublicPost::isSlug).flatMap(comments::thread);
        if (found.isEmpty()) {
            PublicOutput.notFound(response);
            return;
        }
        PublicPost post = found.get().post();
        byte[] body = CommentFeeds.embed(post, found.get().tree(), comments.postAddress(post.slug()), comments.zone());
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(comments.blogOrigin()));
        // a commenter's link opened from the frame tells the linked site nothing about the blog or the reader
        response.setHeader("Referrer-Policy", "no-referrer");
        PublicOutput.send(request, response, body, HTML);
    }

    /**
     * Nothing to load but a stylesheet of coloc's own (none is sent today: class names only), no base URL change,
     * no form; framed by the blog's origin only when one is set, else by anyone (a fragment that shows what any
     * reader may read anyway).
     */
    static String contentSecurityPolicy(Optional<String> blogOrigin) {
        return "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors "
                + blogOrigin.orElse("*");
    }
}
