package org.coloc.platform.mailbox;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GreenMail as the built-in mailbox, with two flaws of its SMTP server (2.1.13) mended so that it holds what a
 * real server would:
 * <ul>
 * <li>it refused the null sender ({@code MAIL FROM:<>}, then 503 at RCPT), which every real bounce uses;</li>
 * <li>it dropped the line break that ends the mail: the CRLF before the terminating "." belongs to the mail
 * (RFC 5321, 4.1.1.4), GreenMail cut it with the dot. Its IMAP side then served the mail without it.</li>
 * <li>it had no plus-addressing: mail to {@code coloc+my-post@domain} went to a mailbox of its own. Now, as
 * Postfix and Dovecot do with {@code recipient_delimiter = +}, mail to {@code user<delimiter>detail@domain} is
 * delivered into the mailbox of {@code user@domain} when that user exists, with the address it was sent to
 * written first in {@code X-Original-To} and {@code Delivered-To} (which is how the plus-address of a Bcc
 * survives: the blog's comments read it there).</li>
 * </ul>
 * Everything else is GreenMail's own code.
 */
final class BuiltInMailServer extends GreenMail {

    /** Stands for the null reverse-path: GreenMail's own commands take a missing one for "no MAIL yet". */
    private static final MailAddress NULL_SENDER = new MailAddress("");
    private static final byte[] CRLF = {'\r', '\n'};

    private final String delimiter;

    BuiltInMailServer(ServerSetup[] setups) {
        this(setups, "+");
    }

    /** @param delimiter what separates a mailbox from its detail ({@code +}); one character */
    BuiltInMailServer(ServerSetup[] setups, String delimiter) {
        super(setups);
        this.delimiter = delimiter;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
        Map<String, AbstractServer> services = super.createServices(config, mgr);
        for (ServerSetup setup : config) {
            if (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                services.put(setup.getProtocol(), new Smtp(setup, mgr, delimiter));
            }
        }
        return services;
    }

    private static final class Smtp extends SmtpServer {

        private final Commands commands;

        Smtp(ServerSetup setup, Managers managers, String delimiter) {
            super(setup, managers);
            this.commands = new Commands(delimiter);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            return new SmtpHandler(commands, managers.getSmtpManager(), clientSocket);
        }
    }

    private static final class Commands extends SmtpCommandRegistry {

        private static final SmtpCommand MAIL = new NullSenderAwareMail();
        private final SmtpCommand data;

        Commands(String delimiter) {
            this.data = new WholeData(delimiter);
        }

        @Override
        public SmtpCommand getCommand(String name) {
            return switch (name) {
                case "MAIL" -> MAIL;
                case "DATA" -> data;
                default -> super.getCommand(name);
            };
        }
    }

    /** {@code MAIL FROM:<>} is a valid sender (bounces, auto-replies); anything else goes to GreenMail's. */
    private static final class NullSenderAwareMail extends SmtpCommand {

        private static final Pattern NULL_PATH = Pattern.compile("MAIL FROM:\\s?<>(.*)", Pattern.CASE_INSENSITIVE);
        private final SmtpCommand greenMails = new com.icegreen.greenmail.smtp.commands.MailCommand();

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            Matcher m = NULL_PATH.matcher(commandLine);
            if (!m.matches()) {
                greenMails.execute(conn, state, manager, commandLine);
                return;
            }
            state.clearMessagePreservingAuthenticationState();
            MovingMessage msg = state.getMessage();
            msg.setReturnPath(NULL_SENDER);
            if (m.group(1).toUpperCase(java.util.Locale.ROOT).contains("SMTPUTF8")) {
                msg.setSmtpUtf8(true);
            }
            conn.send("250 OK");
        }
    }

    /**
     * GreenMail's DATA, keeping the mail's final line break, writing {@code Return-Path: <>} for bounces, and
     * delivering plus-addressed recipients into their user's mailbox.
     */
    private static final class WholeData extends SmtpCommand {

        private final String delimiter;

        WholeData(String delimiter) {
            this.delimiter = delimiter;
        }

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            MovingMessage msg = state.getMessage();
            if (msg.getReturnPath() == null) {
                conn.send("503 MAIL command required");
                return;
            }
            if (msg.getToAddresses().isEmpty()) {
                conn.send("503 RCPT command(s) required");
                return;
            }
            conn.send("354 Start mail input; end with <CRLF>.<CRLF>");
            String returnPath = msg.getReturnPath() == NULL_SENDER ? "" : oneLine(String.valueOf(msg.getReturnPath()));
            String trace = "Return-Path: <" + returnPath + ">\r\n" + "Received: from " + conn.getClientAddress()
                    + " (HELO " + oneLine(conn.getHeloName()) + "); " + new java.util.Date() + "\r\n";
            // GreenMail's reader returns the data without the CRLF that precedes the final dot: put it back
            byte[] mail;
            try (InputStream data = new SequenceInputStream(
                    conn.dotLimitedInputStream(trace.getBytes(StandardCharsets.UTF_8)), new ByteArrayInputStream(CRLF))) {
                mail = data.readAllBytes();
            }
            msg.setMimeMessage(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(mail)));
            String err = manager.checkData(state);
            if (err != null) {
                conn.send(err);
                return;
            }
            try {
                deliverPlusAddressed(state, manager, mail);
                manager.send(state);
                conn.send("250 OK");
            } catch (Exception e) {
                log.error("Can not deliver a mail", e);
                conn.send("451 Requested action aborted: local error in processing");
            }
            state.clearMessage();
        }

        /**
         * Each recipient {@code user<delimiter>detail@domain} of an existing {@code user@domain} gets its own copy
         * in that user's mailbox, headed by the address it was sent to, and leaves the recipients GreenMail
         * delivers itself (which would make it a mailbox of its own).
         */
        private void deliverPlusAddressed(SmtpState state, SmtpManager manager, byte[] mail)
                throws Exception {
            MovingMessage msg = state.getMessage();
            for (MailAddress to : java.util.List.copyOf(msg.getToAddresses())) {
                String user = userOf(to.getEmail());
                if (user == null || manager.getUserManager().getUserByEmail(user) == null) {
                    continue;
                }
                String recipient = oneLine(to.getEmail());
                // after Return-Path, as Postfix's local delivery writes them
                byte[] head = ("X-Original-To: " + recipient + "\r\nDelivered-To: " + recipient + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                int afterReturnPath = indexAfterFirstLine(mail);
                byte[] copy = new byte[mail.length + head.length];
                System.arraycopy(mail, 0, copy, 0, afterReturnPath);
                System.arraycopy(head, 0, copy, afterReturnPath, head.length);
                System.arraycopy(mail, afterReturnPath, copy, afterReturnPath + head.length, mail.length - afterReturnPath);
                SmtpState one = new SmtpState();
                one.getMessage().setReturnPath(msg.getReturnPath());
                one.getMessage().addRecipient(new MailAddress(user));
                one.getMessage().setMimeMessage(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(copy)));
                manager.send(one);
                msg.removeRecipient(to);
            }
        }

        /** {@code user@domain} for {@code user<delimiter>detail@domain}; null for an address without a detail. */
        String userOf(String address) {
            if (address == null) {
                return null;
            }
            int at = address.lastIndexOf('@');
            int plus = at < 0 ? -1 : address.lastIndexOf(delimiter, at);
            if (plus <= 0 || plus + 1 >= at) {
                return null;
            }
            return address.substring(0, plus) + address.substring(at);
        }

        private static int indexAfterFirstLine(byte[] mail) {
            for (int i = 0; i + 1 < mail.length; i++) {
                if (mail[i] == '\r' && mail[i + 1] == '\n') {
                    return i + 2;
                }
            }
            return 0;
        }

        private static String oneLine(String value) {
            return value == null ? null : value.replace("\r", "").replace("\n", "");
        }
    }
}
