package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coloc.comments.control.SignedLinks.Action;
import org.coloc.comments.entity.CommentState;
import org.coloc.outbox.control.Composer;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxKind;
import org.junit.jupiter.api.Test;

/** The admin's moderation mails and the readers' notifications, as they would be sent (rendered by the outbox). */
class CommentMailsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final OutgoingIds IDS = new OutgoingIds("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII),
            "coloc.test");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SignedLinks LINKS = new SignedLinks(KEY);
    private static final ModerationMails MODERATION = new ModerationMails(LINKS, "https://coloc.test",
            Duration.ofDays(14), ZoneId.of("Europe/Paris"));
    private static final ReaderNotifications READERS = new ReaderNotifications(LINKS, "https://coloc.test",
            "mailto:coloc+unsubscribe@coloc.test?subject=unsubscribe", Duration.ofDays(365));
    private static final PostFacts POST = new PostFacts("velo", "Le vélo en hiver", "https://blog.test/velo", "fr",
            true, false);

    static CommentFacts comment(long id, Long parent, String name, String address, String language, String text) {
        return new CommentFacts(id, parent, CommentState.PENDING, name, address, language, text,
                "m" + id + "@reader.test", 900L + id, NOW.minusSeconds(60), false, null);
    }

    private static OutgoingMail sent(NewMail mail) {
        return Composer.compose(mail, IDS, "coloc.test");
    }

    private static List<String> links(String text, String path) {
        Matcher m = Pattern.compile("https://coloc\\.test/" + path + "\\?(\\S+)").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theAdminSeesTheCommentItsAuthorWhyItWaitsAndThreeWorkingLinks() {
        CommentFacts c = new CommentFacts(42, null, CommentState.PENDING, "Ana", "ana@reader.test", "fr",
                "Et les pneus cloutés ?", "m42@reader.test", 900L, NOW, true, "rate-limit");
        NewMail mail = MODERATION.one(new ModerationMails.Pending(c, POST, null), "admin@coloc.test", "en", NOW);
        assertEquals(OutboxKind.COMMENT_MODERATION, mail.kind());
        assertEquals(new NewMail.CommentThread(42, true), mail.comment());
        assertEquals(List.of("admin@coloc.test"), mail.to());
        OutgoingMail out = sent(mail);
        assertEquals(new NewMail.CommentThread(42, true), IDS.commentOf(out.messageId()).orElseThrow(),
                "an answer to it is recognised as an answer to the moderation mail");
        assertTrue(out.subject().contains("Le vélo en hiver") && out.subject().contains("Ana"), out.subject());
        assertFalse(out.subject().contains("[blog:"), "an answer to it must never look like a comment");
        String text = out.text();
        for (String shown : List.of("Ana <ana@reader.test>", "Et les pneus cloutés ?", "https://blog.test/velo",
                "DKIM and SPF failed", "held: rate-limit", "2026-03-15 11:00 (Europe/Paris)")) {
            assertTrue(text.contains(shown), shown + " in " + text);
        }
        assertFalse(text.contains("waits for your approval\n"), "not the usual reason: " + text);
        List<String> queries = links(text, "moderate");
        assertEquals(3, queries.size(), text);
        List<Action> actions = new ArrayList<>();
        for (String q : queries) {
            SignedLinks.Link link = assertInstanceOf(SignedLinks.Valid.class, LINKS.check(q, NOW)).link();
            assertEquals(42, link.commentId());
            assertEquals(NOW.plus(Duration.ofDays(14)), link.expires());
            actions.add(link.action());
        }
        assertEquals(List.of(Action.PUBLISH, Action.REJECT, Action.SPAM), actions);
    }

    @Test
    void aCommentForAnUnknownSlugSaysSoInFrench() {
        PostFacts unknown = new PostFacts("nouveau", "nouveau", null, "fr", false, true);
        OutgoingMail out = sent(MODERATION.one(new ModerationMails.Pending(comment(5, 4L, "Bob", "bob@reader.test",
                "fr", "Bonjour"), unknown, "Ana"), "admin@coloc.test", "fr", NOW));
        assertTrue(out.text().contains("l'article « nouveau », que personne n'a déclaré"), out.text());
        assertTrue(out.text().contains("En réponse au commentaire de Ana."), out.text());
        assertFalse(out.text().contains("n'accepte plus"), "unknown, not closed: " + out.text());
        assertFalse(out.text().contains("{{"));
    }

    @Test
    void aDigestListsEveryPendingCommentWithItsLinksUpToItsLimit() {
        List<ModerationMails.Pending> pending = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            pending.add(new ModerationMails.Pending(comment(i, null, "Reader " + i, "r" + i + "@reader.test", "fr",
                    "Texte " + i + " " + "x".repeat(i == 1 ? 2000 : 10)), POST, null));
        }
        NewMail mail = MODERATION.digest(pending, "admin@coloc.test", "en", NOW);
        assertEquals(new NewMail.CommentThread(ModerationMails.DIGEST_MAX_ITEMS, true), mail.comment());
        OutgoingMail out = sent(mail);
        assertEquals("60 comments to moderate", out.subject());
        assertEquals(3 * ModerationMails.DIGEST_MAX_ITEMS, links(out.text(), "moderate").size());
        assertTrue(out.text().contains("Reader 50 <r50@reader.test>"));
        assertFalse(out.text().contains("Reader 51"), "the 51st is left to the API's list");
        assertTrue(out.text().contains("and 10 more: https://coloc.test/api/comments?state=pending"), out.text());
        assertFalse(out.text().contains("x".repeat(600)), "a long comment is cut in a digest");
        assertTrue(out.text().contains("x".repeat(400) + " […]"));
    }

    @Test
    void aPublishedReplyTellsItsAuthorAndTheParentsAuthorEachInTheirLanguageAndThread() {
        CommentFacts parent = comment(10, null, "Ana", "ana@reader.test", "fr", "Premier\nsur deux lignes");
        CommentFacts reply = comment(11, 10L, "Bob", "Bob@Reader.test", "en", "I disagree <b>strongly</b>");
        List<NewMail> mails = READERS.published(reply, parent, POST, a -> true, NOW);
        assertEquals(2, mails.size());

        NewMail toBob = mails.get(0);
        assertEquals(List.of("bob@reader.test"), toBob.to());
        assertEquals(OutboxKind.COMMENT_NOTIFICATION, toBob.kind());
        assertEquals(new NewMail.CommentThread(11, false), toBob.comment(), "answering it replies to his comment");
        assertEquals("m11@reader.test", toBob.inReplyTo());
        OutgoingMail bob = sent(toBob);
        assertEquals("Your comment on \"Le vélo en hiver\" is published [blog:velo]", bob.subject());
        assertTrue(bob.text().contains("I disagree <b>strongly</b>"), "plain text, as written: " + bob.text());

        NewMail toAna = mails.get(1);
        assertEquals(List.of("ana@reader.test"), toAna.to());
        assertEquals(new NewMail.CommentThread(11, false), toAna.comment(), "answering it replies to Bob's reply");
        assertEquals("m10@reader.test", toAna.inReplyTo(), "in the thread of her own mail");
        OutgoingMail ana = sent(toAna);
        assertTrue(ana.subject().startsWith("Bob a répondu à votre commentaire"), ana.subject());
        assertTrue(ana.text().contains("> Premier\n> sur deux lignes"), ana.text());

        for (OutgoingMail m : List.of(bob, ana)) {
            assertEquals(2, m.headers().size());
            String unsubscribe = m.headers().get(0).value();
            assertTrue(unsubscribe.startsWith("<mailto:coloc+unsubscribe@coloc.test?subject=unsubscribe>, "
                    + "<https://coloc.test/unsubscribe?a=unsubscribe&m="), unsubscribe);
            assertEquals("List-Unsubscribe=One-Click", m.headers().get(1).value());
            String query = unsubscribe.substring(unsubscribe.indexOf('?', 60) + 1, unsubscribe.length() - 1);
            SignedLinks.Link link = assertInstanceOf(SignedLinks.Valid.class, LINKS.check(query, NOW)).link();
            assertEquals(m.to().get(0), link.address());
            assertEquals(NOW.plus(Duration.ofDays(365)), link.expires());
            assertTrue(m.text().contains(link.address().equals("ana@reader.test") ? "Ne plus recevoir" : "No more mail"));
            assertEquals("auto-generated", m.autoSubmitted());
        }
    }

    @Test
    void nobodyIsToldWhoCannotOrWillNotReadIt() {
        CommentFacts parent = comment(10, null, "Ana", "ana@reader.test", "fr", "Premier");
        List<String> asked = new ArrayList<>();
        // the same address: one mail, "published", not "someone replied" to oneself
        assertEquals(1, READERS.published(comment(11, 10L, "Ana", "ANA@reader.test", "fr", "Moi encore"), parent, POST,
                a -> asked.add(a), NOW).size());
        // no address (imported), or addresses nobody reads
        for (String nobody : new String[] {null, "", "noreply@reader.test", "mailer-daemon@reader.test",
            "no-reply+x@reader.test", "not an address"}) {
            CommentFacts c = comment(12, null, "X", nobody, "fr", "t");
            assertTrue(READERS.published(c, null, POST, a -> true, NOW).isEmpty(), String.valueOf(nobody));
        }
        // the caller's test (opted out, over the limit) is asked and obeyed
        CommentFacts reply = comment(13, 10L, "Bob", "bob@reader.test", "en", "t");
        List<NewMail> onlyAna = READERS.published(reply, parent, POST, a -> !a.equals("bob@reader.test"), NOW);
        assertEquals(List.of(List.of("ana@reader.test")), onlyAna.stream().map(NewMail::to).toList());
        assertTrue(READERS.published(reply, parent, POST, a -> false, NOW).isEmpty());
        assertEquals(List.of("ana@reader.test"), asked, "asked about readable addresses only, once each");
    }
}
