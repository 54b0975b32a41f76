package org.coloc.outbox.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coloc.comments.control.CommentFacts;
import org.coloc.comments.control.ModerationMails;
import org.coloc.comments.control.PostFacts;
import org.coloc.comments.control.ReaderNotifications;
import org.coloc.comments.control.SignedLinks;
import org.coloc.comments.entity.CommentState;

/** What the comment mails are given (issue 11, cmod), written by the code that gives it, for MailTemplatesTest. */
final class CommentMailValues {

    private CommentMailValues() {
    }

    static Map<String, Object> values() {
        SignedLinks links = new SignedLinks("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        ModerationMails moderation = new ModerationMails(links, "https://coloc.test", Duration.ofDays(14),
                ZoneId.of("Europe/Paris"));
        PostFacts post = new PostFacts("velo", "Le vélo", "https://blog.test/velo", "fr", true, false);
        CommentFacts parent = new CommentFacts(1, null, CommentState.PUBLISHED, "Ana", "ana@reader.test", "fr", "Oui",
                "m1@reader.test", 5L, now, false, null);
        CommentFacts reply = new CommentFacts(2, 1L, CommentState.PENDING, "Bob", "bob@reader.test", "fr", "Non",
                "m2@reader.test", 6L, now, false, null);
        ModerationMails.Pending pending = new ModerationMails.Pending(reply, post, "Ana");
        Map<String, Object> all = new HashMap<>(moderation.values(pending, now, false));
        NewMail digest = moderation.digest(List.of(pending), "admin@coloc.test", "fr", now);
        all.putAll(((NewMail.FromTemplate) digest.content()).values());
        ReaderNotifications readers = new ReaderNotifications(links, "https://coloc.test",
                "mailto:coloc+unsubscribe@coloc.test?subject=unsubscribe", Duration.ofDays(365));
        for (NewMail m : readers.published(reply, parent, post, a -> true, now)) {
            all.putAll(((NewMail.FromTemplate) m.content()).values());
        }
        return all;
    }
}
