package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How published comments hang together on the blog. */
class CommentTreeTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static PublicComment published(long id, Long parent, int minute) {
        return new PublicComment(id, parent, "Author " + id, "Text " + id, T0.plusSeconds(60L * minute),
                T0.plusSeconds(60L * minute));
    }

    /** "1(2(4),3)" — ids with their replies, as shown. */
    private static String shape(List<CommentNode> nodes) {
        StringBuilder b = new StringBuilder();
        for (CommentNode n : nodes) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(n.id());
            if (!n.replies().isEmpty()) {
                b.append('(').append(shape(n.replies())).append(')');
            }
        }
        return b.toString();
    }

    private static Map<Long, Long> parents(Object... idThenParent) {
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < idThenParent.length; i += 2) {
            m.put(((Number) idThenParent[i]).longValue(),
                    idThenParent[i + 1] == null ? null : ((Number) idThenParent[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void repliesNestUnderWhatTheyAnswerOldestFirst() {
        List<CommentNode> tree = CommentTree.build(List.of(published(4, 2L, 4), published(3, 1L, 3),
                published(1, null, 1), published(2, 1L, 2), published(5, null, 0)),
                parents(1, null, 2, 1, 3, 1, 4, 2, 5, null));
        assertEquals("5,1(2(4),3)", shape(tree));
        CommentNode one = tree.get(1);
        assertNull(one.parent());
        assertEquals(1L, one.replies().get(0).parent());
        assertEquals("Author 1", one.authorName());
        assertEquals("Text 1", one.text());
        assertEquals("<p>Text 1</p>", one.html());
    }

    @Test
    void aReplyUnderAHiddenCommentHangsUnderItsNearestPublishedAncestor() {
        // 1 published ← 2 pending ← 3 rejected ← 4 published; 5 published ← 6 published under nothing published
        List<CommentNode> tree = CommentTree.build(List.of(published(1, null, 1), published(4, 3L, 4),
                published(6, 7L, 6)), parents(1, null, 2, 1, 3, 2, 4, 3, 7, null, 6, 7));
        assertEquals("1(4),6", shape(tree));
        assertEquals(1L, tree.get(0).replies().get(0).parent(), "parent names the published comment it hangs under");
        assertNull(tree.get(1).parent());
    }

    @Test
    void aParentOfAnotherPostOrGoneLeavesTheReplyAtTheTop() {
        List<CommentNode> tree = CommentTree.build(List.of(published(2, 99L, 1)), parents(2, 99));
        assertEquals("2", shape(tree));
        assertNull(tree.get(0).parent());
    }

    @Test
    void storedCyclesNeitherLoopNorLoseAComment() {
        // 1 ↔ 2 published, 3 → 4 → 3 hidden, 5 under 3; 6 its own parent
        List<CommentNode> tree = CommentTree.build(List.of(published(1, 2L, 1), published(2, 1L, 2),
                published(5, 3L, 5), published(6, 6L, 6)), parents(1, 2, 2, 1, 3, 4, 4, 3, 5, 3, 6, 6));
        assertEquals("1(2),5,6", shape(tree));
    }

    @Test
    void nestingStopsAtTheMaximumDepthWithoutLosingReplies() {
        List<PublicComment> chain = new ArrayList<>();
        Map<Long, Long> parents = new HashMap<>();
        int n = CommentTree.MAX_DEPTH + 5;
        for (long id = 1; id <= n; id++) {
            Long parent = id == 1 ? null : id - 1;
            chain.add(published(id, parent, (int) id));
            parents.put(id, parent);
        }
        List<CommentNode> tree = CommentTree.build(chain, parents);
        int depth = 0;
        int count = 0;
        List<CommentNode> level = tree;
        while (!level.isEmpty()) {
            depth++;
            count += level.size();
            CommentNode last = level.get(level.size() - 1);
            level = level.stream().flatMap(c -> c.replies().stream()).toList();
            if (level.isEmpty()) {
                assertEquals(n - 1L, last.parent(), "the deepest reply still names what it answers");
            }
        }
        assertEquals(CommentTree.MAX_DEPTH, depth);
        assertEquals(n, count);
    }

    @Test
    void aLongChainOfHiddenCommentsIsWalkedOnce() {
        // 200,000 pending comments in one chain, every one answered by a published reply: linear, not quadratic
        Map<Long, Long> parents = new HashMap<>();
        List<PublicComment> published = new ArrayList<>();
        published.add(published(0, null, 0));
        parents.put(0L, null);
        int hidden = 200_000;
        for (long id = 1; id <= hidden; id++) {
            parents.put(id, id - 1);
        }
        for (long id = hidden + 1; id <= hidden + 2_000; id++) {
            long answered = hidden - (id - hidden - 1);
            published.add(published(id, answered, 1));
            parents.put(id, answered);
        }
        List<CommentNode> tree = CommentTree.build(published, parents);
        assertEquals(1, tree.size());
        assertEquals(2_000, tree.get(0).replies().size());
        assertTrue(tree.get(0).replies().stream().allMatch(r -> r.parent() == 0L));
    }

    @Test
    void noCommentNoTree() {
        assertEquals(List.of(), CommentTree.build(List.of(), Map.of()));
    }
}
