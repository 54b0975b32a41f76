package org.coloc.incontainer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.coloc.intake.control.FetchedMail;

/** Mails as a mailbox hands them over: exact bytes and a UID. */
final class TestMails {

    private static final AtomicLong UIDS = new AtomicLong(1000);

    private TestMails() {
    }

    /** A sender address nobody else in the test run uses (lower case, as cases store it). */
    static String someone(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A person's first mail to the coloc address, in French (the language does not matter here). */
    static FetchedMail question(String from, String subject) {
        return fetched(raw(from, subject, "<" + UUID.randomUUID() + "@example.org>",
                "Bonjour,\r\n\r\nmon serveur ne répond plus depuis ce matin. Pouvez-vous regarder ?\r\n\r\nMerci\r\n"));
    }

    static FetchedMail fetched(byte[] raw) {
        return new FetchedMail(UIDS.incrementAndGet(), raw);
    }

    /** The same bytes under another UID: a re-delivery, or the same mail in two folders. */
    static FetchedMail again(FetchedMail mail) {
        return new FetchedMail(UIDS.incrementAndGet(), mail.raw());
    }

    static byte[] raw(String from, String subject, String messageId, String body) {
        String mail = "Return-Path: <" + from + ">\r\n"
                + "From: Someone <" + from + ">\r\n"
                + "To: coloc@localhost\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + body;
        return mail.getBytes(StandardCharsets.UTF_8);
    }
}
