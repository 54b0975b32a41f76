package org.coloc.comments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.control.PostInput;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.Post;
import org.coloc.platform.ColocBean;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;
import org.coloc.platform.changes.ChangeLog;

/** The blog's posts that take comments by mail: described by the admin (or made by a mail), known by their slug. */
@Stateless
public class Posts extends ColocBean {

    /** The change log's name for a post. */
    public static final String TYPE = "post";

    @Inject
    ChangeLog changes;

    @Inject
    CommentSettings settings;

    /** What a PUT did: the post as it is now, and whether it was created. */
    public record Put(PostView post, boolean created) {
    }

    /** Creates or replaces the post of this slug; a post a mail made becomes the admin's. */
    public Put put(PostInput in, String actor) {
        Optional<Post> existing = find(in.slug());
        if (existing.isPresent()) {
            Post p = existing.get();
            PostView before = view(p);
            p.describe(in.title(), in.url(), in.language(), in.open(), clock.instant());
            PostView after = view(p);
            changes.record(actor, TYPE, p.getId(), "replace", before, after);
            return new Put(after, false);
        }
        Post p = new Post(in.slug(), in.title(), in.url(), in.language(), in.open(), false, clock.instant());
        em.persist(p);
        PostView view = view(p);
        changes.record(actor, TYPE, p.getId(), "create", null, view);
        return new Put(view, true);
    }

    public Page<PostView> list(Paging paging, String open) {
        return ListQuery.of(Post.class, "p")
                .filter(ListQuery.nonBlank(open), "p.open = :open", "open", Posts::openFilter)
                .orderBy("p.created DESC, p.id DESC")
                .page(em, paging, this::view);
    }

    public PostView get(String slug) {
        return view(bySlug(slug));
    }

    /** Only a post without comments: a comment's post is part of its history (409). */
    public void delete(String slug, String actor) {
        Post p = bySlug(slug);
        long comments = em.createNamedQuery(Comment.COUNT_OF_POST, Long.class).setParameter("post", p.getId())
                .getSingleResult();
        if (comments > 0) {
            throw ProblemException.conflict("Post '" + slug + "' has " + comments
                    + " comment(s): delete them first, or close the post.");
        }
        changes.record(actor, TYPE, p.getId(), "delete", view(p), null);
        em.remove(p);
    }

    /** The post of this slug, if there is one (an invalid slug names none). */
    public Optional<Post> find(String slug) {
        if (slug == null || slug.length() > Post.MAX_SLUG) {
            return Optional.empty();
        }
        return em.createNamedQuery(Post.BY_SLUG, Post.class).setParameter("slug", slug).getResultList().stream()
                .findFirst();
    }

    private Post bySlug(String slug) {
        return find(slug).orElseThrow(() -> ProblemException.notFound("No post '"
                + org.coloc.platform.Bounded.text(slug, 100) + "'."));
    }

    PostView view(Post p) {
        return PostView.of(p, settings);
    }

    private static Boolean openFilter(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest("open must be true or false.");
        };
    }
}
