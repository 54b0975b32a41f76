package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailClassifierTest {

    private final MailClassifier classifier = new MailClassifier("coloc@example.org");

    private Classification classify(String mail) throws UnparseableMailException {
        return classifier.classify(new MimeParser().parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An RFC 3464 report: the headers, then a multipart/report of the notice for people (none if null) and the
     * message/delivery-status fields.
     */
    private static String deliveryReport(String headers, String notice, String fields) {
        return headers + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n\n"
                + (notice == null ? "" : "--R\nContent-Type: text/plain\n\n" + notice)
                + "--R\nContent-Type: message/delivery-status\n\n" + fields + "--R--\n";
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
        Classification c = classify(deliveryReport("""
                From: postmaster@example.net
                Subject: Delivery Status Notification (Delay)
                """, null, """
                Final-Recipient: rfc822; slow@example.com
                Action: delayed
                Status: 4.2.2
                """));
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

    /** One header added to a person's mail, and the kind of mail it makes. */
    @ParameterizedTest(name = "{0} makes {1}")
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted: no | HUMAN",
        "X-Autoreply: yes | AUTO_REPLY",
        "X-Autorespond: yes | AUTO_REPLY",
        "Precedence: auto_reply | AUTO_REPLY",
        "X-Autogenerated: Reply | AUTO_REPLY",
        "List-Id: <users.lists.example.org> | LIST",
        "List-Unsubscribe: <mailto:u@example.org> | LIST",
        "Precedence: bulk | LIST",
        "Mailing-List: contact x@example.org | LIST"})
    void oneHeaderMakesTheKind(String header, MailKind kind) throws Exception {
        assertEquals(kind, classify(HUMAN + header + "\nSubject: hi\n\nx\n").kind());
    }

    @Test
    void outlooksSuppressHeaderWithAnAutomaticReplySubjectIsAnAutoReply() throws Exception {
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
    void bounceWinsOverAutoReplyAndAutoReplyOverList() throws Exception {
        assertEquals(MailKind.AUTO_REPLY,
                classify(HUMAN + "List-Id: <l.example.org>\nAuto-Submitted: auto-replied\nSubject: x\n\nx\n").kind());
        assertEquals(MailKind.BOUNCE, classify("From: MAILER-DAEMON@example.net\nAuto-Submitted: auto-replied\n"
                + "Subject: failure notice\n\nSorry, I couldn't deliver it.\n").kind());
    }

    // ---- issue 8: bounces as real MTAs write them; each names the failed address in one place only ----

    private static final String DAEMON = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
            + "To: coloc@example.org\n";

    private void assertBounce(String mail, String failed, String status) throws Exception {
        Classification c = classify(mail);
        assertEquals(MailKind.BOUNCE, c.kind(), c.reason());
        assertEquals(failed, c.failedRecipient());
        assertEquals(status, c.status());
    }

    @Test
    void postfixBounceNamesTheRecipientLineNotThePostmasterToContact() throws Exception {
        assertBounce(DAEMON + """
                Subject: Undelivered Mail Returned to Sender

                This is the mail system at host mx.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please contact <postmaster@mx.example.net>

                If you do so, please include this problem report.

                                   The mail system

                <bob@members.example>: host mx.members.example[192.0.2.7] said: 550 5.1.1
                    <bob@members.example>: Recipient address rejected: User unknown in
                    virtual mailbox table (in reply to RCPT TO command)
                """, "bob@members.example", "5.1.1");
    }

    @Test
    void postfixAliasExpansionNamesTheAddressWeSentTo() throws Exception {
        assertBounce(DAEMON + """
                Subject: Undelivered Mail Returned to Sender

                This is the mail system at host mx.example.net.

                <tom@mailhost.example> (expanded from <tom@members.example>): host
                    mailhost.example[192.0.2.30] said: 552 5.2.2 <tom@mailhost.example>: Mailbox full
                """, "tom@members.example", "5.2.2");
    }

    @Test
    void dsnFieldsWithGatewayPrefixesOrX400() throws Exception {
        Classification c = classify(deliveryReport("""
                From: postmaster@exchange.example
                To: coloc@example.org
                Subject: Undeliverable: hello
                """, """
                Delivery has failed to these recipients or groups:
                """, """
                Reporting-MTA: dns;exchange.example

                Final-Recipient: x400; /C=FR/ADMD= /PRMD=ORG/O=EXCHANGE/S=DUPONT/G=URSULA/
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822;SMTP=victor@members.example
                Action: failed
                Status: 5.1.1
                """));
        assertEquals("victor@members.example", c.failedRecipient());
        assertEquals("5.1.1", c.status());
    }

    @Test
    void contactSentenceWrappedOntoItsOwnLineIsNotTheRecipient() throws Exception {
        assertBounce(DAEMON + """
                Subject: Undelivered Mail Returned to Sender

                I'm sorry to have to inform you that the message returned
                below could not be delivered to one or more destinations.

                For further assistance, please contact
                <support@isp.example>

                <carol@members.example>: host mx.members.example[192.0.2.8] said: 550
                    <carol@members.example>: User unknown
                """, "carol@members.example", null);
    }

    /** The header Exim writes on its bounces. */
    private static final String EXIM_BOUNCE_HEADER = """
            From: Mail Delivery System <Mailer-Daemon@exim.example>
            To: coloc@example.org
            Subject: Mail delivery failed: returning message to sender
            """;

    @Test
    void eximRedirectNamesTheAddressWeSentTo() throws Exception {
        assertBounce(EXIM_BOUNCE_HEADER + """
                X-Failed-Recipients: dave@elsewhere.example

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  dave@elsewhere.example
                    (ultimately generated from dave@members.example)
                    SMTP error from remote mail server after RCPT TO:<dave@elsewhere.example>:
                    host mx.elsewhere.example [192.0.2.9]: 550 5.1.1 <dave@elsewhere.example>: no such user
                """, "dave@members.example", "5.1.1");
    }

    @Test
    void eximPipeOrSpoolPathIsNoAddress() throws Exception {
        assertBounce(EXIM_BOUNCE_HEADER + """

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  /var/spool/virtual/members.example/erin.old@members.example/Maildir/
                    generated by erin@members.example
                    mailbox is full: retry timeout exceeded
                """, "erin@members.example", null);
    }

    @Test
    void qmailBlockAndItsHashCode() throws Exception {
        assertBounce("""
                From: MAILER-DAEMON@qmail.example
                To: coloc@example.org
                Subject: failure notice

                Hi. This is the qmail-send program at qmail.example.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <frank@members.example>:
                192.0.2.10 does not like recipient.
                Remote host said: 550 sorry, no mailbox here by that name. (#5.1.1)
                Giving up on 192.0.2.10.

                --- Below this line is a copy of the message.

                Return-Path: <coloc@example.org>
                From: coloc@example.org
                To: frank@members.example, cc-person@members.example
                Subject: [coloc #4] VM
                """, "frank@members.example", "5.1.1");
    }

    @Test
    void sendmailUserUnknownLine() throws Exception {
        assertBounce("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@sendmail.example>
                To: coloc@example.org
                Subject: Returned mail: see transcript for details

                The original message was received at Sat, 28 Nov 2026 10:00:00 +0100
                from mail.example.org [192.0.2.1]

                   ----- The following addresses had permanent fatal errors -----
                <gina@members.example>
                    (reason: 550 5.1.1 <gina@members.example>... User unknown)

                   ----- Transcript of session follows -----
                ... while talking to mx.members.example.:
                >>> RCPT To:<gina@members.example>
                <<< 550 5.1.1 <gina@members.example>... User unknown
                550 5.1.1 gina@members.example... User unknown
                """, "gina@members.example", "5.1.1");
    }

    @Test
    void exchangeNdrWithX400AndSmtpPrefixes() throws Exception {
        assertBounce("""
                From: postmaster@exchange.example
                To: coloc@example.org
                Subject: Undeliverable: [coloc #5] Disk
                Return-Path: <>

                Delivery has failed to these recipients or groups:

                Henri Dupont (henri@members.example)
                The e-mail address you entered couldn't be found. Please check the recipient's e-mail
                address and try to resend the message. If the problem continues, please contact your helpdesk.

                Diagnostic information for administrators:

                Generating server: exchange.example
                IMCEAEX-_O=ORG_OU=EXCHANGE_CN=RECIPIENTS_CN=HDUPONT@exchange.example
                /C=FR/ADMD= /PRMD=ORG/O=EXCHANGE/S=DUPONT/G=HENRI/
                SMTP=henri@members.example
                #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##
                """, "henri@members.example", "5.1.1");
        // the same NDR listing only the X.400 and SMTP= forms: the SMTP= prefix is cut off
        assertBounce("""
                From: postmaster@exchange.example
                To: coloc@example.org
                Subject: Undeliverable: hello
                Return-Path: <>

                Your message did not reach some or all of the intended recipients.

                The following recipient(s) cannot be reached:

                      /C=FR/ADMD= /PRMD=ORG/O=EXCHANGE/S=DUPONT/G=IRIS/ on 28/11/2026 10:00
                      SMTP=iris@members.example on 28/11/2026 10:00
                            The e-mail account does not exist at the organization this message was sent to.
                            <exchange.example #5.1.1>
                """, "iris@members.example", "5.1.1");
    }

    @Test
    void gmailPlainNotice() throws Exception {
        assertBounce("""
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: coloc@example.org
                Subject: Delivery Status Notification (Failure)

                ** Address not found **

                Your message wasn't delivered to jules@members.example because the address couldn't be found,
                or is unable to receive mail.

                Learn more here: https://support.google.com/mail/?p=NoSuchUser

                The response was:

                550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking
                the recipient's email address for typos or unnecessary spaces. For more information, go to
                https://support.google.com/mail/?p=NoSuchUser 2.3.4 - gsmtp
                """, "jules@members.example", "5.1.1");
    }

    @Test
    void versionNumbersAreNoStatus() throws Exception {
        Classification c = classify("""
                From: MAILER-DAEMON@lists.example
                To: coloc@example.org
                Subject: Returned mail: Mailman v2.0.13 could not deliver

                Mailman v2.0.13 (Postfix 3.7.10, Mailman 2.1.5) on 12.10.2026 from 192.0.2.5.1.1:
                <kim@members.example>: mailbox unavailable
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("kim@members.example", c.failedRecipient());
        assertNull(c.status(), "a version, date or IP is no status");
        assertNull(DeliveryReport.enhancedStatus("Mailman v2.0.13"));
        assertNull(DeliveryReport.enhancedStatus("at 10.5.1.1 today"));
    }

    @Test
    void dsnPrefersTheOriginalRecipientAndStripsPrefixes() throws Exception {
        Classification c = classify(deliveryReport("""
                From: MAILER-DAEMON@mx.example.net
                To: coloc@example.org
                Subject: Undelivered Mail Returned to Sender
                """, """
                For further assistance, please contact <postmaster@mx.example.net>
                """, """
                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; luc.final@mailhost.example
                Original-Recipient: rfc822;luc@members.example
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp; 550 5.2.1 mailbox disabled (Postfix 3.7.10)
                """));
        assertEquals("luc@members.example", c.failedRecipient());
        assertEquals("5.2.1", c.status(), "a generic x.0.0 gives way to the diagnostic's own code");
    }

    @Test
    void postfixDelayWarningIsTemporary() throws Exception {
        Classification c = classify(deliveryReport("""
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: coloc@example.org
                Subject: Delayed Mail (still being retried)
                """, """
                This is the mail system at host mx.example.net.

                ####################################################################
                # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
                ####################################################################

                Your message could not be delivered for more than 4 hour(s).
                It will be retried until it is 5 day(s) old.

                <mona@members.example>: host mx.members.example[192.0.2.11] said: 550
                    5.7.1 greylisted, try later
                """, """
                Final-Recipient: rfc822; mona@members.example
                Original-Recipient: rfc822;mona@members.example
                Action: delayed
                Status: 5.7.1
                """));
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("mona@members.example", c.failedRecipient());
        assertTrue(c.status().startsWith("4."), "a delay is never permanent: " + c.status());
    }

    @Test
    void exchangeDelayWarningWithoutDsnIsTemporary() throws Exception {
        Classification c = classify("""
                From: Microsoft Outlook <postmaster@exchange.example>
                To: coloc@example.org
                Subject: Delivery delayed:[coloc #7] Backup
                Return-Path: <>

                """ + DeliveryReports.exchangeDelayBody("nina@members.example", "[coloc #7] Backup"));
        assertEquals(MailKind.BOUNCE, c.kind());
        assertEquals("nina@members.example", c.failedRecipient());
        assertEquals("4.0.0", c.status());
    }

    @Test
    void sendmailWarningAndEximDelayAreTemporaryEvenWithAPermanentLookingCode() throws Exception {
        assertEquals("4.0.0", classify("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@sendmail.example>
                To: coloc@example.org
                Subject: Warning: could not send message for past 4 hours

                    **********************************************
                    **      THIS IS A WARNING MESSAGE ONLY      **
                    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
                    **********************************************

                The original message was received at Sat, 28 Nov 2026 10:00:00 +0100
                   ----- Transcript of session follows -----
                <oscar@members.example>... Deferred: Connection timed out with mx.members.example.
                Warning: message still undelivered after 4 hours
                Will keep trying until message is 5 days old
                """).status());
        Classification exim = classify("""
                From: Mail Delivery System <Mailer-Daemon@exim.example>
                To: coloc@example.org
                Subject: Warning: message 1abcDE-000123-XY delayed 24 hours

                This message was created automatically by mail delivery software.
                A message that you sent has not yet been delivered to one or more of its
                recipients after more than 24 hours on the queue on exim.example.

                  paul@members.example
                    host mx.members.example [192.0.2.12]: 552 5.2.2 mailbox full

                No action is required on your part. Delivery attempts will continue for
                some time, and this warning may be repeated at intervals if the message
                remains undelivered.
                """);
        assertEquals("paul@members.example", exim.failedRecipient());
        assertEquals("4.0.0", exim.status());
    }

    @Test
    void precedenceBulkDoesNotHideAMailerDaemonReport() throws Exception {
        for (String from : new String[] {"MAILER-DAEMON@mx.example.net", "postmaster@mx.example.net",
                "Mail Delivery Subsystem <bounce@mx.example.net>"}) {
            Classification c = classify("From: " + from + "\nTo: coloc@example.org\nPrecedence: bulk\n"
                    + "Subject: Mail delivery failed\n\n"
                    + "The following address(es) failed:\n\n  rita@members.example\n"
                    + "    550 5.1.1 user unknown\n");
            assertEquals(MailKind.BOUNCE, c.kind(), from);
            assertEquals("rita@members.example", c.failedRecipient(), from);
            assertEquals("5.1.1", c.status(), from);
        }
        assertEquals(MailKind.BOUNCE, classify("From: MAILER-DAEMON@mx.example.net\nPrecedence: junk\n"
                + "List-Id: <x.example>\nSubject: Undelivered Mail Returned to Sender\n\nsorry\n").kind());
    }

    @Test
    void mailmanNoticeIsNotABounceButNeverAnswered() throws Exception {
        Classification c = classify("""
                From: users-bounces@lists.example
                To: coloc@example.org
                Subject: Your message to Users awaits moderator approval
                Precedence: bulk
                List-Id: <users.lists.example>
                X-List-Administrivia: yes

                Your mail to 'Users' with the subject

                    [coloc #9] Maintenance

                Is being held until the list moderator can review it for approval.
                Mailman v2.0.13 at lists.example; contact users-owner@lists.example.
                """);
        assertNotEquals(MailKind.BOUNCE, c.kind());
        assertNotEquals(MailKind.HUMAN, c.kind());
        assertNull(c.failedRecipient());
        assertNull(c.status());
    }

    @Test
    void theReportsOwnAddressesAreNeverTheFailedOne() throws Exception {
        Classification c = classify("""
                From: MAILER-DAEMON@mx.example.net
                To: coloc@example.org
                Reply-To: helpdesk@mx.example.net
                Subject: failure notice

                Your message from <coloc@example.org> could not be delivered.
                Reply to helpdesk@mx.example.net for help.
                """);
        assertEquals(MailKind.BOUNCE, c.kind());
        assertNull(c.failedRecipient());
    }

    @Test
    void successReportNamesNoFailedRecipient() throws Exception {
        Classification c = classify(deliveryReport("""
                From: MAILER-DAEMON@mx.example.net
                Subject: Successful Mail Delivery Report
                """, null, """
                Final-Recipient: rfc822; sam@members.example
                Action: delivered
                Status: 2.0.0
                """));
        assertEquals(MailKind.BOUNCE, c.kind());
        assertNull(c.failedRecipient());
    }

    @Test
    void hostileReportIsReadInLinearTime() {
        String line = "@".repeat(5_000) + " 5.5.5.5.5.5 a@b.c@d.e@ 550-550-550 ".repeat(200) + "\n";
        String body = ("<x" + "@".repeat(100) + ">:" + line).repeat(400);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            DeliveryReport.fromText(body, null);
            DeliveryReport.fromDeliveryStatus(DeliveryReport.utf8(("Final-Recipient: rfc822; " + line).repeat(400)));
            classify("From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n" + body);
        });
    }
}
