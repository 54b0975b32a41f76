package org.coloc.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coloc.intake.control.Classification;
import org.coloc.intake.control.MailAddress;
import org.coloc.intake.control.MailHeader;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.control.ParsedAttachment;
import org.coloc.intake.control.ParsedMail;
import org.junit.jupiter.api.Test;

/** What the router is told of a parsed mail. */
class MailFactsTest {

    private static ParsedMail mail(MailAddress from, List<MailAddress> to, List<MailAddress> cc, List<MailHeader> headers,
            List<ParsedAttachment> attachments) {
        return new ParsedMail("m1@x.example", "p@x.example", List.of("r1@x.example"), from, to, cc, List.of(),
                "Subject", Instant.EPOCH, headers, "text", null, attachments, List.of());
    }

    /** A mailer daemon's report that alice@a.example failed (5.1.1), returning the original as a part of this type. */
    private static MailFacts bounceReturning(String partType, byte[] original) {
        return MailFacts.of(mail(new MailAddress(null, "MAILER-DAEMON@mx.example"), List.of(), List.of(), List.of(),
                List.of(new ParsedAttachment(null, partType, original))),
                new Classification(MailKind.BOUNCE, "alice@a.example", "5.1.1", "DSN"));
    }

    @Test
    void recipientsIncludeWhatTheDeliveringServersWrote() {
        MailFacts f = MailFacts.of(mail(new MailAddress("Alice", "Alice@A.example"),
                List.of(new MailAddress(null, "Coloc@Coloc.example")), List.of(new MailAddress(null, "bob@b.example")),
                List.of(new MailHeader("Delivered-To", "coloc+comment-12@coloc.example"),
                        new MailHeader("X-Original-To", "<coloc@coloc.example>"),
                        new MailHeader("Authentication-Results", "mx; dkim=pass")), List.of()),
                Classification.of(MailKind.HUMAN, "person"));
        assertEquals("alice@a.example", f.sender());
        assertEquals(List.of("coloc@coloc.example", "bob@b.example", "coloc+comment-12@coloc.example"), f.recipients());
        assertEquals(List.of("mx; dkim=pass"), f.authenticationResults());
        assertEquals(Optional.of("comment-12"), f.plusDetail("Coloc@coloc.example"));
        assertEquals(Optional.empty(), f.plusDetail("other@coloc.example"));
        assertNull(f.failedRecipient(), "not a bounce");
    }

    @Test
    void aBounceCarriesItsFailedRecipientAndTheIdsOfOursInTheReturnedOriginal() {
        byte[] original = ("Message-ID: <case-3.abcdefghijklmnop.qrstuvwxyz234567@coloc.example>\r\n"
                + "In-Reply-To: <someone@else.example>\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MailFacts f = bounceReturning("text/rfc822-headers", original);
        assertEquals(List.of("case-3.abcdefghijklmnop.qrstuvwxyz234567@coloc.example"), f.returnedIds());
        assertEquals("alice@a.example", f.failedRecipient());
        assertEquals("5.1.1", f.deliveryStatus());
    }

    @Test
    void aReturnedOriginalOfUnclosedIdsIsReadInLinearTime() {
        // 2 MB of "<case-1.…@" without a closing bracket or a space, then one real id of ours at the end
        String open = "<case-1.abcdefghijklmnop.qrstuvwxyz234567@";
        String ours = "case-3.abcdefghijklmnop.qrstuvwxyz234567@coloc.example";
        byte[] original = (open.repeat(2_000_000 / open.length()) + " <" + ours + ">\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        MailFacts f = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> bounceReturning("text/rfc822-headers", original));
        assertEquals(List.of(ours), f.returnedIds());
    }

    @Test
    void aBounceOfANoticeCarriesTheNoticesIdFromTheReturnedOriginal() {
        String notice = "notice-5-11.abcdefghijklmnop.qrstuvwxyz234567@coloc.example";
        byte[] original = ("Message-ID: <" + notice + ">\r\nIn-Reply-To: <notice-5-11.x@coloc.example>\r\n"
                + "References: <case-3.abcdefghijklmnop.qrstuvwxyz234567@coloc.example>\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        MailFacts f = bounceReturning("message/rfc822", original);
        assertEquals(List.of(notice, "case-3.abcdefghijklmnop.qrstuvwxyz234567@coloc.example"), f.returnedIds(),
                "ours of both kinds, not an id merely shaped like one");
    }

    @Test
    void aReturnedOriginalOfUnclosedNoticeIdsIsReadInLinearTime() {
        String open = "<notice-1-2.abcdefghijklmnop.qrstuvwxyz234567@";
        String ours = "notice-5-11.abcdefghijklmnop.qrstuvwxyz234567@coloc.example";
        byte[] original = (open.repeat(2_000_000 / open.length()) + "<notice-" + "1".repeat(500_000) + " <" + ours
                + ">\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MailFacts f = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> bounceReturning("text/rfc822-headers", original));
        assertEquals(List.of(ours), f.returnedIds());
    }

    @Test
    void nothingParsedIsNoFacts() {
        assertNull(MailFacts.of(null, Classification.of(MailKind.HUMAN, "x")));
    }
}
