package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The outbox's sessions (TCP_NODELAY socket factory, one connection for many mails) against the real GreenMail
 * server, in plain SMTP and in SMTPS (TLS from the first byte, {@code coloc.smtp.tls=tls}): notices over 8 KiB with
 * their invitation arrive, each once, intact.
 */
class GreenMailConnectionTest {

    private static final String FROM = "coloc@coloc.test";

    /** A notice over 8 KiB with its calendar part, as the fan-out sends. */
    private static OutgoingMail notice(int i) {
        String text = ("Bonjour,\n\nLes serveurs des garages seront arrêtés dimanche. " + i + "\n").repeat(120);
        return new OutgoingMail("notice-" + i + "@coloc.test", List.of("member" + i + "@example.org"),
                "Maintenance " + i, text, null, List.of(), "auto-generated", List.of(),
                new CalendarPart(CalendarPart.Method.REQUEST, CalendarPartTest.ICS));
    }

    private static void sendOverOneConnection(GreenMail server, Properties props, String protocol) throws Exception {
        List<Map<String, Delivery.Outcome>> out = new ArrayList<>();
        try (SmtpSender.Connection c = new SmtpSender.Connection(props, protocol, null, null, FROM)) {
            for (int i = 0; i < 5; i++) {
                out.add(c.send(notice(i)));
            }
            assertEquals(1, c.connects(), "one connection for the five mails");
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(Delivery.Result.SENT, out.get(i).get("member" + i + "@example.org").result(), out.toString());
            String to = "member" + i + "@example.org";
            List<MimeMessage> got = server.findReceivedMessages(u -> u.getEmail().equals(to), m -> true).toList();
            assertEquals(1, got.size(), to);
            MimeMessage m = got.get(0);
            assertEquals("Maintenance " + i, m.getSubject());
            assertEquals("<notice-" + i + "@coloc.test>", m.getMessageID());
            assertTrue(m.getSize() > 8 * 1024 || m.getInputStream().readAllBytes().length > 8 * 1024,
                    "a mail over 8 KiB");
            assertTrue(new String(m.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII).contains(
                    "invite.ics"), "with its invitation");
        }
        assertEquals(5, server.getReceivedMessages().length);
    }

    private static Properties props(String protocol, int port) {
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".host", "127.0.0.1");
        p.setProperty("mail." + protocol + ".port", Integer.toString(port));
        p.setProperty("mail." + protocol + ".connectiontimeout", "5000");
        p.setProperty("mail." + protocol + ".timeout", "5000");
        return p;
    }

    /** The outbox's factory, counting the sockets Angus asks it for. */
    private static final class CountingSockets extends javax.net.SocketFactory {

        int made;

        private java.net.Socket counted(java.net.Socket s) {
            made++;
            return s;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return counted(NoDelaySockets.INSTANCE.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return counted(NoDelaySockets.INSTANCE.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
                throws java.io.IOException {
            return counted(NoDelaySockets.INSTANCE.createSocket(host, port, localHost, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return counted(NoDelaySockets.INSTANCE.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
                int localPort) throws java.io.IOException {
            return counted(NoDelaySockets.INSTANCE.createSocket(address, port, localAddress, localPort));
        }
    }

    @Test
    void plainSmtp() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            sendOverOneConnection(server, props("smtp", server.getSmtp().getPort()), "smtp");
        } finally {
            server.stop();
        }
    }

    @Test
    void smtpsWrapsTheNoDelaySocketInTls() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        server.start();
        try {
            Properties p = props("smtps", server.getSmtps().getPort());
            // GreenMail's own self-signed certificate
            p.setProperty("mail.smtps.ssl.trust", "*");
            p.setProperty("mail.smtps.ssl.checkserveridentity", "false");
            CountingSockets sockets = new CountingSockets();
            p.put("mail.smtps.socketFactory", sockets);
            sendOverOneConnection(server, p, "smtps");
            assertEquals(1, sockets.made, "the plain socket came from the factory, then was wrapped in TLS");
        } finally {
            server.stop();
        }
    }
}
