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
 * </ul>
 * Everything else is GreenMail's own code.
 */
final class BuiltInMailServer extends GreenMail {

    /** Stands for the null reverse-path: GreenMail's own commands take a missing one for "no MAIL yet". */
    private static final MailAddress NULL_SENDER = new MailAddress("");
    private static final byte[] CRLF = {'\r', '\n'};

    BuiltInMailServer(ServerSetup[] setups) {
        super(setups);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
        Map<String, AbstractServer> services = super.createServices(config, mgr);
        for (ServerSetup setup : config) {
            if (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                services.put(setup.getProtocol(), new Smtp(setup, mgr));
            }
        }
        return services;
    }

    private static final class Smtp extends SmtpServer {

        Smtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            return new SmtpHandler(new Commands(), managers.getSmtpManager(), clientSocket);
        }
    }

    private static final class Commands extends SmtpCommandRegistry {

        private static final SmtpCommand MAIL = new NullSenderAwareMail();
        private static final SmtpCommand DATA = new WholeData();

        @Override
        public SmtpCommand getCommand(String name) {
            return switch (name) {
                case "MAIL" -> MAIL;
                case "DATA" -> DATA;
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

    /** GreenMail's DATA, keeping the mail's final line break and writing {@code Return-Path: <>} for bounces. */
    private static final class WholeData extends SmtpCommand {

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
            try (InputStream data = new SequenceInputStream(
                    conn.dotLimitedInputStream(trace.getBytes(StandardCharsets.UTF_8)), new ByteArrayInputStream(CRLF))) {
                msg.setMimeMessage(GreenMailUtil.newMimeMessage(data));
            }
            String err = manager.checkData(state);
            if (err != null) {
                conn.send(err);
                return;
            }
            try {
                manager.send(state);
                conn.send("250 OK");
            } catch (Exception e) {
                log.error("Can not deliver a mail", e);
                conn.send("451 Requested action aborted: local error in processing");
            }
            state.clearMessage();
        }

        private static String oneLine(String value) {
            return value == null ? null : value.replace("\r", "").replace("\n", "");
        }
    }
}
