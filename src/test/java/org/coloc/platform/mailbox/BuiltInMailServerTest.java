package org.coloc.platform.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.coloc.intake.control.FetchedMail;
import org.coloc.intake.control.ImapMailbox;
import org.coloc.intake.control.MailboxEntry;
import org.coloc.intake.control.MailboxSettings;
import org.coloc.platform.TlsMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built-in mailbox takes bounces and keeps every byte that was sent, as a real mail server does. */
class BuiltInMailServerTest {

    private static final String COLOC = "coloc@coloc.test";
    private BuiltInMailServer server;

    @BeforeEach
    void start() {
        server = new BuiltInMailServer(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(COLOC, COLOC, COLOC);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aBounceWithTheNullSenderIsAcceptedAndHeld() throws Exception {
        byte[] bounce = ("From: MAILER-DAEMON@example.org\r\nTo: " + COLOC + "\r\nSubject: Undelivered Mail\r\n"
                + "Message-ID: <bounce-1@example.org>\r\n\r\nThis is the mail system.\r\n").getBytes(StandardCharsets.US_ASCII);
        List<String> replies = smtp("<>", bounce);
        assertEquals(List.of("250", "250", "250", "354", "250"), replies.subList(1, 6), replies.toString());
        byte[] held = onlyMailHeld();
        String text = new String(held, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Return-Path: <>\r\n"), text);
        assertTrue(endsWith(held, bounce), "held whole:\n" + text);
    }

    @Test
    void theFinalLineBreakThatWasSentIsKept() throws Exception {
        byte[] sent = ("From: alice@example.org\r\nTo: " + COLOC + "\r\nSubject: un seul morceau\r\n"
                + "Message-ID: <single@example.org>\r\n\r\nLigne un\r\n.point en tete\r\nDerniere ligne\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<String> replies = smtp("<alice@example.org>", sent);
        assertEquals("250", replies.get(5), replies.toString());
        byte[] held = onlyMailHeld();
        assertTrue(new String(held, StandardCharsets.US_ASCII).startsWith("Return-Path: <alice@example.org>\r\n"));
        byte[] tail = Arrays.copyOfRange(held, held.length - sent.length, held.length);
        assertArrayEquals(sent, tail, "the mailbox holds exactly what was sent, final CRLF included");
    }

    @Test
    void plusAddressedMailIsDeliveredIntoTheUsersMailboxNamingTheAddressItWasSentTo() throws Exception {
        // a Bcc: the headers name somebody else, only the envelope holds the post's address
        byte[] sent = ("From: Bob <bob@example.org>\r\nTo: friends@example.org\r\nSubject: Bravo\r\n"
                + "Message-ID: <plus@example.org>\r\n\r\nJoli billet.\r\n").getBytes(StandardCharsets.US_ASCII);
        List<String> replies = smtp("<bob@example.org>", "coloc+hello-world@coloc.test", sent);
        assertEquals("250", replies.get(5), replies.toString());
        byte[] held = onlyMailHeld();
        String text = new String(held, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Return-Path: <bob@example.org>\r\nX-Original-To: coloc+hello-world@coloc.test\r\n"
                + "Delivered-To: coloc+hello-world@coloc.test\r\nReceived: "), text);
        assertTrue(endsWith(held, sent), "held whole:\n" + text);
        assertEquals(null, server.getUserManager().getUserByEmail("coloc+hello-world@coloc.test"),
                "no mailbox of its own");
    }

    @Test
    void aPlusAddressOfNobodyStaysGreenMailsOwn() throws Exception {
        byte[] sent = ("From: bob@example.org\r\nTo: x+y@elsewhere.test\r\nSubject: hi\r\n\r\nhi\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("250", smtp("<bob@example.org>", "x+y@elsewhere.test", sent).get(5));
        assertEquals(0, server.getReceivedMessagesForDomain("coloc.test").length);
    }

    private static boolean endsWith(byte[] all, byte[] end) {
        return all.length >= end.length && Arrays.equals(Arrays.copyOfRange(all, all.length - end.length, all.length), end);
    }

    private byte[] onlyMailHeld() throws Exception {
        MailboxSettings settings = new MailboxSettings("127.0.0.1", server.getImap().getPort(), TlsMode.NONE, COLOC, COLOC,
                "INBOX", "Coloc-Processed", "Coloc-Quarantine", Duration.ofSeconds(60), true, 1_000_000, 100,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            List<MailboxEntry> entries = box.list();
            assertEquals(1, entries.size());
            List<FetchedMail> fetched = box.fetch(List.of(entries.get(0).uid()));
            return fetched.get(0).raw();
        }
    }

    /** Speaks SMTP by hand (dot-stuffing included), as a mail server delivering a bounce would. */
    private List<String> smtp(String reversePath, byte[] mail) throws Exception {
        return smtp(reversePath, COLOC, mail);
    }

    private List<String> smtp(String reversePath, String recipient, byte[] mail) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.getSmtp().getPort())) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            List<String> codes = new java.util.ArrayList<>();
            codes.add(reply(in));
            for (String command : new String[] {"HELO mx.example.org", "MAIL FROM:" + reversePath, "RCPT TO:<" + recipient + ">",
                "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                codes.add(reply(in));
            }
            String data = new String(mail, StandardCharsets.US_ASCII).replace("\r\n.", "\r\n..");
            out.write(data.getBytes(StandardCharsets.US_ASCII));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            codes.add(reply(in));
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return codes;
        }
    }

    private static String reply(BufferedReader in) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line == null ? "EOF" : line.substring(0, 3);
    }
}
