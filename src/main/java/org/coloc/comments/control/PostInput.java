package org.coloc.comments.control;

import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.coloc.comments.entity.Post;
import org.coloc.platform.JsonInput;
import org.coloc.platform.Problem;
import org.coloc.platform.InvalidInputException;

/**
 * The admin's description of a post ({@code PUT /api/posts/{slug}}): {@code title} (required), {@code url} (its
 * page on the blog, http or https), {@code language} ({@code fr} or {@code en}, default {@code fr}) and
 * {@code open} (takes comments, default true). Every bad field is named in one 400. Pure code.
 */
public record PostInput(String slug, String title, String url, String language, boolean open) {

    static final Set<String> LANGUAGES = Set.of("fr", "en");
    /** Read-only fields of the view, accepted and ignored (a client may PUT back what it GOT). */
    static final Set<String> READ_ONLY = Set.of("slug", "createdByMail", "commentAddress", "mailto", "created",
            "updated");

    public static PostInput read(String slug, JsonValue body) {
        String slugProblem = Slugs.problem(slug);
        if (slugProblem != null) {
            throw new InvalidInputException(java.util.List.of(new Problem.FieldError("slug", slugProblem)));
        }
        JsonInput in = JsonInput.of(body, Set.of("title", "url", "language", "open"), READ_ONLY);
        String title = in.string("title", true, Post.MAX_TITLE);
        String url = in.string("url", false, Post.MAX_URL);
        if (url != null && !isWebAddress(url)) {
            in.error("url", "must be an http or https address, like https://blog.example.org/my-post");
        }
        String language = in.oneOf("language", LANGUAGES, "fr");
        boolean open = in.bool("open", true);
        in.check();
        return new PostInput(slug, title, url, language, open);
    }

    static boolean isWebAddress(String text) {
        try {
            URI u = new URI(text);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && u.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
