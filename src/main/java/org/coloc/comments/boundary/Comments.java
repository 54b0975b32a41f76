package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.coloc.comments.control.CommentExport;
import org.coloc.comments.entity.Comment;
import org.coloc.comments.entity.CommentState;
import org.coloc.comments.entity.Post;
import org.coloc.platform.Bounded;
import org.coloc.platform.ColocBean;
import org.coloc.platform.Labelled;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;
import org.coloc.platform.changes.ChangeLog;

/**
 * The admin's work on comments: moderation (from the API or a signed link: {@link #moderate} is the one way a
 * comment changes state), list, rename, delete, export and import. Comments come in by mail through
 * {@link CommentMail}.
 */
@Stateless
public class Comments extends ColocBean {

    /** The change log's name for a comment. */
    public static final String TYPE = "comment";
    static final Set<String> STATES = Set.of("pending", "published", "rejected", "spam");

    @Inject
    ChangeLog changes;

    @Inject
    Event<CommentModerated> moderated;

    @Inject
    Event<CommentStored> stored;

    @EJB
    Posts posts;

    /**
     * Moves a comment to {@code state} (404 for an unknown id); the change is logged and {@link CommentModerated}
     * fired when the state really changes. Returns the comment as it is now.
     */
    public Comment moderate(long id, CommentState state, String actor) {
        Comment c = em.find(Comment.class, id);
        if (c == null) {
            throw ProblemException.notFound("No comment " + id + ".");
        }
        CommentState before = c.getState();
        if (before != state) {
            c.moveTo(state, clock.instant());
            changes.record(actor, TYPE, id, "moderate", before.label(), state.label());
            moderated.fire(new CommentModerated(id, before, state, actor));
        }
        return c;
    }

    /**
     * Newest first. {@code state}: pending, published, rejected, spam; {@code post}: a slug (an unknown one
     * matches nothing); {@code q}: in the text, the name and the address.
     */
    public Page<CommentView> list(Paging paging, String state, String post, String q) {
        ListQuery<Comment> query = ListQuery.of(Comment.class, "c")
                .filter(ListQuery.nonBlank(state), "c.state = :state", "state", Comments::stateFilter);
        if (ListQuery.nonBlank(post) != null) {
            Optional<Post> p = posts.find(post.strip());
            if (p.isPresent()) {
                query.where("c.postId = :post", "post", p.get().getId());
            } else {
                query.nothing();
            }
        }
        Page<Comment> page = query.search(q, "LOWER(c.text)", "LOWER(c.authorName)", "c.authorAddress")
                .orderBy("c.receivedAt DESC, c.id DESC").page(em, paging);
        Map<Long, String> slugs = slugsOf(page.items().stream().map(Comment::getPostId).collect(Collectors.toSet()));
        return page.map(c -> CommentView.of(c, slugs.get(c.getPostId())));
    }

    public CommentView get(long id) {
        return view(byId(id));
    }

    /**
     * The admin's change: a new state (through {@link #moderate}) and/or the name it is shown under; each logged.
     */
    public CommentView change(long id, CommentState state, String authorName, String actor) {
        Comment c = byId(id);
        if (authorName != null && !authorName.equals(c.getAuthorName())) {
            String before = c.getAuthorName();
            c.setAuthorName(authorName);
            c.touch(clock.instant());
            changes.record(actor, TYPE, id, "rename", before, authorName);
        }
        if (state != null) {
            moderate(id, state, actor);
        }
        return view(c);
    }

    /** Deletes a comment; its replies stay, answering its parent (or nothing) from now on. */
    public void delete(long id, String actor) {
        Comment c = byId(id);
        Instant now = clock.instant();
        for (Comment reply : em.createNamedQuery(Comment.REPLIES_TO, Comment.class).setParameter("parent", id)
                .getResultList()) {
            reply.setParentId(c.getParentId());
            reply.touch(now);
        }
        changes.record(actor, TYPE, id, "delete", view(c), null);
        em.remove(c);
    }

    /** Every post and comment, enough to restore them ({@link #importAll}). */
    public CommentExport export() {
        return CommentExport.of(em.createNamedQuery(Post.ALL, Post.class).getResultList(),
                em.createNamedQuery(Comment.ALL, Comment.class).getResultList());
    }

    /** What an import did. */
    public record Imported(int postsCreated, int postsUpdated, int commentsCreated, int commentsSkipped) {
    }

    /**
     * Restores an export: posts upserted by slug (as they were described), comments re-created with their states
     * and dates and their replies re-linked. A comment whose Message-ID is already on its post is not created
     * twice (importing the same export again changes nothing), and its replies link to the one there.
     */
    public Imported importAll(CommentExport data, String actor) {
        Instant now = clock.instant();
        Map<String, Post> bySlug = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (CommentExport.PostData d : data.posts()) {
            Optional<Post> existing = posts.find(d.slug());
            Post p;
            if (existing.isPresent()) {
                p = existing.get();
                p.restore(d.title(), d.url(), d.language(), d.open(), d.createdByMail(), now);
                updated++;
            } else {
                p = new Post(d.slug(), d.title(), d.url(), d.language(), d.open(), d.createdByMail(),
                        d.created() == null ? now : d.created());
                p.restore(d.title(), d.url(), d.language(), d.open(), d.createdByMail(), now);
                em.persist(p);
                created++;
            }
            bySlug.put(d.slug(), p);
        }
        // the comments' rows name the posts' (no mapped relation tells EclipseLink to write posts first)
        em.flush();
        Map<String, Long> ids = new LinkedHashMap<>();
        int made = 0;
        int skipped = 0;
        for (CommentExport.CommentData d : data.comments()) {
            Post p = bySlug.get(d.post());
            if (d.messageId() != null) {
                Optional<Long> there = em.createNamedQuery(Comment.OF_POST_WITH_MESSAGE_ID, Long.class)
                        .setParameter("post", p.getId()).setParameter("messageId", d.messageId()).setMaxResults(1)
                        .getResultList().stream().findFirst();
                if (there.isPresent()) {
                    ids.put(d.ref(), there.get());
                    skipped++;
                    continue;
                }
            }
            Comment c = new Comment(p.getId(), d.parent() == null ? null : ids.get(d.parent()), d.authorName(),
                    d.authorAddress() == null ? null : d.authorAddress().toLowerCase(Locale.ROOT), d.language(),
                    d.text(), d.receivedAt());
            c.setState(CommentExport.state(d));
            c.setPublishedAt(d.publishedAt() != null ? d.publishedAt()
                    : c.getState() == CommentState.PUBLISHED ? d.receivedAt() : null);
            c.setMessageId(d.messageId());
            c.setSpamSuspect(d.spamSuspect());
            c.setHeldReason(d.heldReason());
            em.persist(c);
            ids.put(d.ref(), c.getId());
            made++;
            stored.fire(new CommentStored(c.getId()));
        }
        Imported result = new Imported(created, updated, made, skipped);
        changes.record(actor, TYPE, 0, "import", null, result);
        return result;
    }

    private CommentView view(Comment c) {
        Post p = em.find(Post.class, c.getPostId());
        return CommentView.of(c, p == null ? null : p.getSlug());
    }

    private Map<Long, String> slugsOf(Set<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT p.id, p.slug FROM Post p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(postIds)).getResultList()) {
            out.put((Long) row[0], (String) row[1]);
        }
        return out;
    }

    private Comment byId(long id) {
        Comment c = em.find(Comment.class, id);
        if (c == null) {
            throw ProblemException.notFound("No comment " + id + ".");
        }
        return c;
    }

    private static CommentState stateFilter(String raw) {
        return Labelled.find(CommentState.class, raw.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                () -> ProblemException.badRequest("state must be pending, published, rejected or spam, not '"
                        + Bounded.text(raw, 40) + "'."));
    }
}
