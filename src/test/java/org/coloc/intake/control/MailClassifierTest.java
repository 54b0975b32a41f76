package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailClassifierTest {

    private final MailClassifier classifier = new MailClassifier("coloc@example.org");

    private Classification classify(String mail) throws UnparseableMailException {
        return classifier.classify(new MimeParser().parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static final String HUMAN = "From: Alice <alice@example.org>\nTo: coloc@example.org\n";

    @Test
    void plainMailFromAPersonIsHuman() throws Exception {
        assertEquals(MailKind.HUMAN, classify(HUMAN + "Subject: VM down\n\nMy VM is down.\n").kind());
    }

    @Test
    void humanMailAboutADeliveryFailureStaysHuman() throws Exception {
        assertEquals(MailKind.HUMAN, classify(HUMAN + "Subject: delivery failure on my server\n\n"
                + "My postfix says 550 5.1.1 user unknown, can you help?\n").kind());
        assertEquals(MailKind.HUMAN, classify(HUMAN + "Subject: Re: Undelivered Mail Returned to Sender\n\nwhy?\n").kind());
    }

    @Test
    void ourOwnAddressOrLoopHeaderIsALoop() throws Exception {
        assertEquals(MailKind.LOOP, classify("From: COLOC@example.org\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.LOOP, classify(HUMAN + "X-Coloc-Loop: 1\nAuto-Submitted: auto-replied\nSubject: x\n\nx\n").kind());
    }

    @Test
    void rfc3464ReportIsABounceWithRecipientAndStatus() throws Exception {
        Classification c = classify("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Content-Type: multipart/report; report-type=delivery-status; boundary="R"

                --R
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --R
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; gone@example.com
                Original-Recipient: rfc822;gone@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --R
                Content-Type: text/rfc822-headers

                Subject: hello
                --R--
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("gone@example.com", c.failedRecipient());
        assertEquals("5.1.1", c.status());
    }

    @Test
    void delayedOnlyReportIsStillAMachineReportButKeepsItsStatus() throws Exception {
        Classification c = classify("""
                From: postmaster@example.net
                Subject: Delivery Status Notification (Delay)
                Content-Type: multipart/report; report-type=delivery-status; boundary="R"

                --R
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; slow@example.com
                Action: delayed
                Status: 4.2.2
                --R--
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("4.2.2", c.status());
        assertTrue(c.reason().contains("delayed"), c.reason());
    }

    @Test
    void feedbackReportIsABounce() throws Exception {
        Classification c = classify("""
                From: abuse@isp.example
                Subject: complaint
                Content-Type: multipart/report; report-type=feedback-report; boundary="F"

                --F
                Content-Type: text/plain

                This is an abuse report
                --F
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                --F--
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertTrue(c.reason().contains("feedback"));
    }

    @Test
    void plainTextBounceFromMailerDaemonYieldsRecipientAndStatusFromText() throws Exception {
        Classification c = classify("""
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                Return-Path: <>
                Subject: Undelivered Mail Returned to Sender

                This is the mail system at host mx.example.net.

                <lost@example.com>: host mx.example.com said: 550 5.1.1 <lost@example.com>:
                    Recipient address rejected: User unknown
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("lost@example.com", c.failedRecipient());
        assertEquals("5.1.1", c.status());
    }

    @Test
    void eximBounceNamesTheFailedAddress() throws Exception {
        Classification c = classify("""
                From: Mail Delivery System <Mailer-Daemon@exim.example>
                Subject: Mail delivery failed: returning message to sender

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  nobody@example.org
                    SMTP error from remote mail server after RCPT TO:<nobody@example.org>:
                    550 5.1.1 No such user
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("nobody@example.org", c.failedRecipient());
        assertEquals("5.1.1", c.status());
    }

    @Test
    void frenchNonRemisWithNullSenderIsABounce() throws Exception {
        assertEquals(MailKind.BOUNCE, classify("""
                From: postmaster@orange.example
                Return-Path: <>
                Subject: Non remis : hello

                Le message n'a pas pu être remis: user unknown
                """).kind());
    }

    @Test
    void autoSubmittedIsAnAutoReply() throws Exception {
        Classification c = classify(HUMAN + "Auto-Submitted: auto-replied\nSubject: Re: your mail\n\nthanks\n");
        assertEquals(MailKind.AUTO_REPLY, c.kind());
        assertEquals("Auto-Submitted: auto-replied", c.reason());
    }

    @Test
    void autoSubmittedNoIsNotAnAutoReply() throws Exception {
        assertEquals(MailKind.HUMAN, classify(HUMAN + "Auto-Submitted: no\nSubject: hi\n\nx\n").kind());
    }

    @Test
    void vendorAutoReplyHeadersAreAutoReplies() throws Exception {
        assertEquals(MailKind.AUTO_REPLY, classify(HUMAN + "X-Autoreply: yes\nSubject: hi\n\nx\n").kind());
        assertEquals(MailKind.AUTO_REPLY, classify(HUMAN + "X-Autorespond: yes\nSubject: hi\n\nx\n").kind());
        assertEquals(MailKind.AUTO_REPLY, classify(HUMAN + "Precedence: auto_reply\nSubject: hi\n\nx\n").kind());
        assertEquals(MailKind.AUTO_REPLY, classify(HUMAN + "X-Autogenerated: Reply\nSubject: hi\n\nx\n").kind());
        assertEquals(MailKind.AUTO_REPLY,
                classify(HUMAN + "X-Auto-Response-Suppress: All\nSubject: Automatic reply: hi\n\nx\n").kind());
    }

    @Test
    void vacationSubjectsAreAutoReplies() throws Exception {
        for (String s : new String[] {"Out of Office: hi", "Automatic reply: VM down", "Réponse automatique : absent",
                "Abwesend", "AutoReply: ticket", "[support #33575] AutoReply: FYI", "Respuesta automática: hola",
                "=?utf-8?Q?R=C3=A9ponse_automatique?="}) {
            assertEquals(MailKind.AUTO_REPLY, classify(HUMAN + "Subject: " + s + "\n\nx\n").kind(), s);
        }
        assertEquals(MailKind.HUMAN, classify(HUMAN + "Subject: Re: Out of office next week?\n\nx\n").kind());
    }

    @Test
    void listHeadersMakeAListMail() throws Exception {
        assertEquals(MailKind.LIST, classify(HUMAN + "List-Id: <users.lists.example.org>\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.LIST, classify(HUMAN + "List-Unsubscribe: <mailto:u@example.org>\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.LIST, classify(HUMAN + "Precedence: bulk\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.LIST, classify(HUMAN + "Mailing-List: contact x@example.org\nSubject: x\n\nx\n").kind());
    }

    @Test
    void bounceWinsOverAutoReplyAndAutoReplyOverList() throws Exception {
        assertEquals(MailKind.AUTO_REPLY,
                classify(HUMAN + "List-Id: <l.example.org>\nAuto-Submitted: auto-replied\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.BOUNCE, classify("From: MAILER-DAEMON@example.net\nAuto-Submitted: auto-replied\n"
                + "Subject: failure notice\n\nSorry, I couldn't deliver it.\n").kind());
    }
}
