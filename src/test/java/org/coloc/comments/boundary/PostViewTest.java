package org.coloc.comments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.entity.Post;
import org.junit.jupiter.api.Test;

class PostViewTest {

    @Test
    void theBlogTemplateGetsTheAddressAndAReadyMailtoLink() {
        CommentSettings settings = new CommentSettings("coloc@coloc.example.org", "+", Optional.empty(), 0, 5, 20_000,
                14, 5);
        Post post = new Post("hello-world", "Été & co: 100% + \"quotes\"?", null, "fr", true, false, Instant.EPOCH);
        PostView view = PostView.of(post, settings);
        assertEquals("coloc+hello-world@coloc.example.org", view.commentAddress());
        assertEquals("mailto:coloc+hello-world@coloc.example.org?subject="
                + "%C3%89t%C3%A9%20%26%20co%3A%20100%25%20%2B%20%22quotes%22%3F", view.mailto());
    }
}
