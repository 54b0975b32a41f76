package org.coloc.comments.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published comments of one post as a tree, oldest first at every level. A published reply whose parent is not
 * published (pending, rejected, spam, deleted, or of another post) hangs under its <em>nearest published
 * ancestor</em>, or at the top when there is none, so that a conversation keeps its shape when one message of it is
 * held back. Nesting stops at {@link #MAX_DEPTH}: deeper replies stand beside their parent (their {@code parent}
 * still names it). Linear in the number of comments, without recursion, whatever the stored parent links are
 * (cycles included). Pure code.
 */
public final class CommentTree {

    /** Deepest nesting shown; a thread deeper than this continues flat at this level. */
    public static final int MAX_DEPTH = 30;

    private static final Comparator<PublicComment> OLDEST_FIRST = Comparator
            .comparing(PublicComment::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(PublicComment::id);

    private CommentTree() {
    }

    /**
     * @param published the post's published comments, in any order
     * @param parentOf every comment of the post, published or not: its id → the id of the comment it answers (null
     *        for none); the path from a published reply up to its nearest published ancestor
     * @return the top-level comments, each with its replies
     */
    public static List<CommentNode> build(List<PublicComment> published, Map<Long, Long> parentOf) {
        List<PublicComment> ordered = published.stream().sorted(OLDEST_FIRST).toList();
        Map<Long, PublicComment> byId = new LinkedHashMap<>();
        ordered.forEach(c -> byId.putIfAbsent(c.id(), c));

        Map<Long, Long> anchorOfHidden = new HashMap<>();
        Map<Long, Long> anchor = new HashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        for (PublicComment c : byId.values()) {
            Long a = nearestPublished(c.id(), c.parentId(), byId.keySet(), parentOf, anchorOfHidden);
            anchor.put(c.id(), a);
            if (a == null) {
                roots.add(c.id());
            } else {
                children.computeIfAbsent(a, k -> new ArrayList<>()).add(c.id());
            }
        }

        // walk from the roots: where each comment is shown (under its anchor, or beside it below MAX_DEPTH); a
        // comment no root reaches is in a cycle of stored links and starts its own thread at the top
        Map<Long, Long> shownUnder = new HashMap<>();
        Map<Long, Integer> depth = new HashMap<>();
        List<Long> preorder = new ArrayList<>();
        List<Long> topLevel = new ArrayList<>();
        Set<Long> reached = new HashSet<>();
        Set<Long> rootSet = new HashSet<>(roots);
        List<Long> starts = new ArrayList<>(roots);
        starts.addAll(byId.keySet());
        for (Long start : starts) {
            if (reached.contains(start)) {
                continue;
            }
            if (!rootSet.contains(start)) {
                anchor.put(start, null);
            }
            topLevel.add(start);
            Deque<Long> stack = new ArrayDeque<>();
            reached.add(start);
            depth.put(start, 1);
            stack.push(start);
            while (!stack.isEmpty()) {
                Long id = stack.pop();
                preorder.add(id);
                List<Long> kids = children.getOrDefault(id, List.of());
                for (int i = kids.size() - 1; i >= 0; i--) {
                    Long kid = kids.get(i);
                    if (!reached.add(kid)) {
                        continue;
                    }
                    if (depth.get(id) < MAX_DEPTH) {
                        shownUnder.put(kid, id);
                        depth.put(kid, depth.get(id) + 1);
                    } else {
                        shownUnder.put(kid, shownUnder.get(id));
                        depth.put(kid, depth.get(id));
                    }
                    stack.push(kid);
                }
            }
        }

        // build the immutable nodes bottom-up: in reverse preorder every reply is built before what holds it
        Map<Long, List<CommentNode>> replies = new HashMap<>();
        Map<Long, CommentNode> nodes = new HashMap<>();
        for (int i = preorder.size() - 1; i >= 0; i--) {
            Long id = preorder.get(i);
            PublicComment c = byId.get(id);
            List<CommentNode> own = new ArrayList<>(replies.getOrDefault(id, List.of()));
            own.sort(Comparator.comparing(CommentNode::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(CommentNode::id));
            CommentNode alone = single(c);
            CommentNode node = new CommentNode(c.id(), anchor.get(id), alone.authorName(), alone.text(), alone.html(),
                    c.publishedAt(), c.updated(), own);
            nodes.put(id, node);
            Long under = shownUnder.get(id);
            if (under != null) {
                replies.computeIfAbsent(under, k -> new ArrayList<>()).add(node);
            }
        }
        List<CommentNode> top = new ArrayList<>();
        topLevel.stream().map(nodes::get).forEach(top::add);
        top.sort(Comparator.comparing(CommentNode::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(CommentNode::id));
        return List.copyOf(top);
    }

    /** One comment rendered on its own, without replies (a feed's entry). */
    public static CommentNode single(PublicComment c) {
        return new CommentNode(c.id(), null, CommentRendering.text(c.authorName()), CommentRendering.text(c.text()),
                CommentRendering.html(c.text()), c.publishedAt(), c.updated(), List.of());
    }

    /**
     * The first published comment up the stored parent links from {@code id}, or null. What is learnt about
     * hidden comments on the way is remembered, so every link is followed once over the whole post.
     */
    private static Long nearestPublished(long id, Long parentId, Set<Long> published, Map<Long, Long> parentOf,
            Map<Long, Long> anchorOfHidden) {
        Long current = parentId != null ? parentId : parentOf.get(id);
        if (current != null && current == id) {
            return null;
        }
        List<Long> path = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        seen.add(id);
        while (current != null && !published.contains(current) && !anchorOfHidden.containsKey(current)
                && seen.add(current)) {
            path.add(current);
            current = parentOf.get(current);
        }
        Long found;
        if (current == null) {
            found = null;
        } else if (published.contains(current)) {
            found = current == id ? null : current;
        } else if (anchorOfHidden.containsKey(current)) {
            found = anchorOfHidden.get(current);
        } else {
            found = null; // a cycle of hidden comments
        }
        for (Long hidden : path) {
            anchorOfHidden.put(hidden, found);
        }
        return found;
    }
}
