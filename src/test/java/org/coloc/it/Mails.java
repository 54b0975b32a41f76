package org.coloc.it;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;

/** Small hand-written mails for the system tests. */
final class Mails {

    private Mails() {
    }

    static byte[] plain(String id, String from, String subject, String body) {
        return plain(id, from, TestMailServer.COLOC, subject, null, body);
    }

    /** A person's plain UTF-8 mail to {@code to}; answering {@code inReplyTo} (with angle brackets) unless null. */
    static byte[] plain(String id, String from, String to, String subject, String inReplyTo, String body) {
        return ("From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject.replaceAll("[\r\n]", "") + "\r\n"
                + "Date: Fri, 20 Nov 2026 10:00:00 +0100\r\n"
                + (id == null ? "" : "Message-ID: <" + id + ">\r\n")
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An answer to {@code answered} as a mail client writes it: "Re: " its subject, threaded under it. */
    static byte[] answer(String id, String from, MimeMessage answered, String body) throws MessagingException {
        return plain(id, from, TestMailServer.COLOC, "Re: " + answered.getSubject(), answered.getMessageID(),
                body.replace("\r\n", "\n").replace("\n", "\r\n"));
    }

    static byte[] htmlOnlyWithAttachment(String id) {
        return ("From: =?iso-8859-1?q?Fran=E7ois_Martin?= <francois@example.org>\r\n"
                + "To: " + TestMailServer.COLOC + "\r\n"
                + "Subject: =?utf-8?b?RGVtYW5kZSBkZSBWTSDDqXTDqQ==?=\r\n"
                + "Message-ID: <" + id + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/html; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "<html><head><script>alert('x')</script></head><body><p>Bonjour,</p><p>Une VM pour l'=E9t=E9 ?</p></body></html>\r\n"
                + "--b1\r\n"
                + "Content-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''statuts%20%C3%A9t%C3%A9.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "JVBERi0xLjQKJcfsj6IK\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] autoReply(String id) {
        return ("From: bob@example.org\r\n"
                + "To: " + TestMailServer.COLOC + "\r\n"
                + "Subject: Absence du bureau\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "Message-ID: <" + id + ">\r\n"
                + "\r\nJe suis absent jusqu'au 30.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes that are not a mail at all: no header block, binary noise. */
    static byte[] garbage() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        b[0] = 0;
        return b;
    }

    /** A syntactically fine mail that is bigger than the limit the tests configure. */
    static byte[] oversized(String id, int bytes) {
        StringBuilder body = new StringBuilder();
        while (body.length() < bytes) {
            body.append("Une ligne de texte beaucoup trop longue pour la limite de taille.\r\n");
        }
        return plain(id, "big@example.org", "Gros fichier", body.toString());
    }

    /**
     * A Postfix-style delivery report: our mail {@code ourMessageId} (with angle brackets) to {@code failed} failed
     * for good (5.1.1); it names the mail in the returned headers, as a real report does.
     */
    static byte[] bounce(String id, String failed, String ourMessageId) {
        return ("From: MAILER-DAEMON@mx.example.org\r\nTo: " + TestMailServer.COLOC + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + id + ">\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + TestMailServer.COLOC + "\r\nTo: " + failed
                + "\r\nMessage-ID: " + ourMessageId + "\r\n\r\n--B--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
