package org.coloc.comments.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.coloc.comments.control.CommentFeeds;
import org.coloc.comments.control.PublicPost;

/**
 * The public Atom feeds of comments, without login: {@code /feeds/comments.atom} (the latest published comments of
 * all open posts) and {@code /feeds/comments/<slug>.atom} (one post's). A servlet beside the maintenances' feeds
 * ({@code FeedsEndpoint} holds {@code /feeds/*}; these two mappings are more specific, so they win).
 */
@WebServlet(urlPatterns = {"/feeds/comments.atom", "/feeds/comments/*"})
public class CommentFeedsEndpoint extends HttpServlet {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final String SUFFIX = ".atom";

    @Inject
    PublicComments comments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = comments.base();
        byte[] body;
        if (request.getPathInfo() == null) {
            body = CommentFeeds.atom(new CommentFeeds.FeedHead("comments", "la coloc — commentaires / comments",
                    base + "/feeds/comments.atom", null), comments.latest(), comments.authority(), base);
        } else {
            Optional<PublicComments.Published> found = slugOf(request.getPathInfo()).flatMap(comments::thread);
            if (found.isEmpty()) {
                PublicOutput.notFound(response);
                return;
            }
            PublicPost post = found.get().post();
            List<CommentFeeds.Entry> entries = CommentFeeds.newestFirst(post, found.get().tree(),
                    PublicComments.FEED_SIZE);
            String title = (post.language() != null && post.language().startsWith("en") ? "Comments on "
                    : "Commentaires sur ") + post.title();
            body = CommentFeeds.atom(new CommentFeeds.FeedHead("comments/" + post.slug(), title,
                    base + "/feeds/comments/" + post.slug() + SUFFIX, CommentFeeds.pageOf(post, base)), entries,
                    comments.authority(), base);
        }
        PublicOutput.send(request, response, body, ATOM);
    }

    /** {@code /<slug>.atom} → the slug; anything else (another segment, another suffix) names no feed. */
    static Optional<String> slugOf(String pathInfo) {
        if (!pathInfo.startsWith("/") || !pathInfo.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String slug = pathInfo.substring(1, pathInfo.length() - SUFFIX.length());
        return PublicPost.isSlug(slug) ? Optional.of(slug) : Optional.empty();
    }
}
