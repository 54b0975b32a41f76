package org.coloc.comments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coloc.comments.control.CommentFeeds;
import org.coloc.comments.control.CommentNode;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.control.CommentTree;
import org.coloc.comments.control.PublicComment;
import org.coloc.comments.control.PublicPost;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.platform.ColocSettings;

/**
 * What the public reads of the blog's comments: a post's published comments as a tree, and the latest published
 * comments of all open posts. Reads only; never an author's address (the queries do not even select it).
 */
@Stateless
public class PublicComments {

    /** Entries of a comment feed. */
    public static final int FEED_SIZE = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    ColocSettings coloc;

    @Inject
    CommentSettings settings;

    /** A post and its published comments, rendered. */
    public record Published(PublicPost post, List<CommentNode> tree) {
    }

    /** The post named by {@code slug} with its published comments; empty for a slug that names no post. */
    public Optional<Published> thread(String slug) {
        if (!PublicPost.isSlug(slug)) {
            return Optional.empty();
        }
        List<Post> found = em.createNamedQuery(Post.BY_SLUG, Post.class).setParameter("slug", slug).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Post post = found.get(0);
        // the parent links of every comment of the post, published or not: the way up to the nearest published one
        Map<Long, Long> parentOf = new HashMap<>();
        em.createQuery("SELECT c.id, c.parentId FROM Comment c WHERE c.postId = :post", Object[].class)
                .setParameter("post", post.getId()).getResultList()
                .forEach(row -> parentOf.put((Long) row[0], (Long) row[1]));
        List<PublicComment> published = em.createQuery("SELECT c FROM Comment c WHERE c.postId = :post"
                + " AND c.state = :state", Comment.class).setParameter("post", post.getId())
                .setParameter("state", CommentState.PUBLISHED).getResultList().stream()
                .map(PublicComments::publicComment).toList();
        return Optional.of(new Published(publicPost(post), CommentTree.build(published, parentOf)));
    }

    /** The latest published comments of all open posts, newest first. */
    public List<CommentFeeds.Entry> latest() {
        return em.createQuery("SELECT c, p FROM Comment c, Post p WHERE c.postId = p.id AND p.open = :open"
                + " AND c.state = :state ORDER BY c.publishedAt DESC, c.id DESC", Object[].class)
                .setParameter("open", true).setParameter("state", CommentState.PUBLISHED)
                .setMaxResults(FEED_SIZE).getResultList().stream()
                .map(row -> new CommentFeeds.Entry(publicPost((Post) row[1]),
                        CommentTree.single(publicComment((Comment) row[0]))))
                .toList();
    }

    /** The domain of the feeds' {@code tag:} ids: the coloc address's. */
    public String authority() {
        String address = coloc.address();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** Where the application is reached from outside, without a final slash. */
    public String base() {
        return coloc.publicUrl();
    }

    public String postAddress(String slug) {
        return settings.postAddress(slug);
    }

    public Optional<String> blogOrigin() {
        return settings.blogOrigin();
    }

    public ZoneId zone() {
        return coloc.timezone();
    }

    private static PublicPost publicPost(Post p) {
        return new PublicPost(p.getSlug(), p.getTitle(), p.getUrl(), p.getLanguage(), p.isOpen());
    }

    private static PublicComment publicComment(Comment c) {
        return new PublicComment(c.getId(), c.getParentId(), c.getAuthorName(), c.getText(), c.getPublishedAt(),
                c.getUpdated());
    }
}
