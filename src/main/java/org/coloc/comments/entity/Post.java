package org.coloc.comments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import org.coloc.platform.TrackedRecord;

/**
 * A blog post that takes comments by mail, known by its slug: readers write to {@code coloc+<slug>@domain}
 * (or put {@code [blog:<slug>]} in the subject). A comment for a slug nobody declared creates the post closed,
 * titled by its slug and marked {@code createdByMail}, so that the comment is held for the admin, never lost.
 */
@Entity
@Table(name = "BLOG_POST")
@NamedQuery(name = Post.BY_SLUG, query = "SELECT p FROM Post p WHERE p.slug = :slug")
@NamedQuery(name = Post.ALL, query = "SELECT p FROM Post p ORDER BY p.id")
@Getter
public class Post extends TrackedRecord {

    public static final String BY_SLUG = "Post.bySlug";
    public static final String ALL = "Post.all";
    public static final int MAX_SLUG = 100;
    public static final int MAX_TITLE = 300;
    public static final int MAX_URL = 2000;

    /** Lower-case letters, digits and dashes; unique. */
    private String slug;

    private String title;

    /** Where the post is read (its page on the blog); may be null for a post made by a mail. */
    private String url;

    /** {@code fr} or {@code en}: the language of the mails about its comments. */
    private String language;

    /** Takes new comments; a closed post holds them for the admin (pending). OPEN is a reserved word in Derby. */
    @Column(name = "IS_OPEN")
    private boolean open;

    /** Made because a comment named an unknown slug; the admin completes or deletes it. */
    private boolean createdByMail;

    protected Post() {
        // for JPA
    }

    public Post(String slug, String title, String url, String language, boolean open, boolean createdByMail,
            Instant now) {
        this.slug = slug;
        describe(title, url, language, open, now);
        this.createdByMail = createdByMail;
    }

    /** A post restored from an export: as it was described, made by mail or not. */
    public void restore(String title, String url, String language, boolean open, boolean createdByMail, Instant now) {
        describe(title, url, language, open, now);
        this.createdByMail = createdByMail;
    }

    /** The admin's description of the post (PUT): a post a mail made is his from then on. */
    public final void describe(String title, String url, String language, boolean open, Instant now) {
        this.title = title;
        this.url = url;
        this.language = language;
        this.open = open;
        this.createdByMail = false;
        touch(now);
    }
}
