package org.coloc.comments.control;

import org.coloc.comments.entity.Post;

/** What the mails about a comment say of its post. */
public record PostFacts(String slug, String title, String url, String language, boolean open, boolean createdByMail) {

    public static PostFacts of(Post p) {
        return new PostFacts(p.getSlug(), p.getTitle(), p.getUrl(), p.getLanguage(), p.isOpen(), p.isCreatedByMail());
    }

    public boolean hasUrl() {
        return url != null && !url.isBlank();
    }
}
