package org.coloc.comments.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.entity.Post;

/**
 * A post as the admin's API shows it, with what the blog's template needs: {@code commentAddress}
 * ({@code coloc+<slug>@…}) and a ready {@code mailto} link whose subject is the post's title.
 */
public record PostView(String slug, String title, String url, String language, boolean open, boolean createdByMail,
        String commentAddress, String mailto, Instant created, Instant updated) {

    static PostView of(Post p, CommentSettings settings) {
        String address = settings.postAddress(p.getSlug());
        return new PostView(p.getSlug(), p.getTitle(), p.getUrl(), p.getLanguage(), p.isOpen(), p.isCreatedByMail(),
                address, mailto(address, p.getTitle()), p.getCreated(), p.getUpdated());
    }

    /** RFC 6068: the subject percent-encoded as UTF-8, a space as {@code %20} (a {@code +} would stay a plus). */
    static String mailto(String address, String subject) {
        return "mailto:" + address + "?subject=" + URLEncoder.encode(subject == null ? "" : subject,
                StandardCharsets.UTF_8).replace("+", "%20");
    }
}
