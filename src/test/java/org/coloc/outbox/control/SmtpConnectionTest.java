package org.coloc.outbox.control;

import static org.coloc.outbox.control.StrictSmtp.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.coloc.platform.TlsMode;
import org.junit.jupiter.api.Test;

/**
 * Many mails over one SMTP connection, with the real Angus Mail client against a strict little server: a refusal
 * in the middle stops nothing; a server that closes the connection mid-round gets a new one and nothing is lost;
 * and every session the outbox opens sets TCP_NODELAY on its socket.
 */
class SmtpConnectionTest {

    /** How the server ends a connection after a number of mails on it. */
    enum Closing {
        NEVER, SAYING_421, SILENTLY
    }

    /**
     * Serves SMTP sessions one after the other; refuses {@code gone@} for good (see {@link StrictSmtp}); after {@code mailsPerConnection}
     * mails on one connection it closes it as told. Remembers the connections, and each message's recipients.
     */
    private static final class StrictServer implements AutoCloseable {

        final ServerSocket socket;
        /** A permit each time the server has closed a connection on its side. */
        final java.util.concurrent.Semaphore hungUp = new java.util.concurrent.Semaphore(0);
        final AtomicInteger connections = new AtomicInteger();
        /** Takes no connection any more once it has hung up the first. */
        volatile boolean goneAfterHangUp;
        /** The recipients of each message taken, in order. */
        final List<List<String>> delivered = new CopyOnWriteArrayList<>();
        final List<String> commands = new CopyOnWriteArrayList<>();
        private final int mailsPerConnection;
        private final Closing closing;

        StrictServer(int mailsPerConnection, Closing closing) throws IOException {
            this.mailsPerConnection = mailsPerConnection;
            this.closing = closing;
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(this::serveAll);
            thread.setDaemon(true);
            thread.start();
        }

        private void serveAll() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    serve(s);
                    if (goneAfterHangUp) {
                        // from this thread, before the hang-up: closed from the test's thread while this one
                        // waits in accept(), the JDK may still take one more connection
                        socket.close();
                    }
                } catch (IOException e) {
                    // closed: the test is over
                }
                hungUp.release();
            }
        }

        private void serve(Socket s) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            say(out, "220 strict.example ESMTP");
            int mails = 0;
            List<String> rcpts = new ArrayList<>();
            boolean inMail = false;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                commands.add(upper.split("[ :]")[0]);
                if (upper.startsWith("MAIL")) {
                    if (mails >= mailsPerConnection && closing == Closing.SAYING_421) {
                        say(out, "421 4.7.0 too many mails on one connection, closing");
                        return;
                    }
                    if (inMail) {
                        say(out, "503 5.5.1 nested MAIL command");
                        continue;
                    }
                    inMail = true;
                    say(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT")) {
                    say(out, StrictSmtp.recipientReply(line, rcpts));
                } else if (upper.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    StrictSmtp.message(in);
                    delivered.add(List.copyOf(rcpts));
                    rcpts.clear();
                    inMail = false;
                    mails++;
                    say(out, "250 2.0.0 queued");
                    if (mails >= mailsPerConnection && closing == Closing.SILENTLY) {
                        return;
                    }
                } else if (upper.startsWith("RSET")) {
                    rcpts.clear();
                    inMail = false;
                    say(out, "250 2.0.0 reset");
                } else if (!StrictSmtp.answerAsUsual(upper, out)) {
                    return;
                }
            }
        }

        SmtpSender.Connection connection() {
            return new SmtpSender.Connection(StrictSmtp.clientProperties(socket.getLocalPort()), "smtp", null, null,
                    "coloc@coloc.test");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static OutgoingMail mailTo(String... to) {
        return new OutgoingMail(null, List.of(to), "Maintenance", "Text", null, List.of(), "auto-generated");
    }

    private static List<Map<String, Delivery.Outcome>> sendAll(SmtpSender.Connection c, List<OutgoingMail> mails) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<Map<String, Delivery.Outcome>> out = new ArrayList<>();
            for (OutgoingMail m : mails) {
                out.add(c.send(m));
            }
            return out;
        });
    }

    @Test
    void severalMailsGoOverOneConnectionAndARefusalInTheMiddleStopsNone() throws Exception {
        try (StrictServer server = new StrictServer(Integer.MAX_VALUE, Closing.NEVER);
                SmtpSender.Connection c = server.connection()) {
            List<Map<String, Delivery.Outcome>> out = sendAll(c, List.of(mailTo("a@x.org"), mailTo("b@x.org"),
                    mailTo("gone@x.org"), mailTo("c@x.org", "gone@x.org"), mailTo("d@x.org")));

            assertEquals(Delivery.Result.SENT, out.get(0).get("a@x.org").result(), out.toString());
            assertEquals(Delivery.Result.SENT, out.get(1).get("b@x.org").result(), out.toString());
            assertEquals(Delivery.Result.REFUSED, out.get(2).get("gone@x.org").result(), out.toString());
            assertTrue(out.get(2).get("gone@x.org").reason().contains("no such user"), out.toString());
            assertEquals(Delivery.Result.SENT, out.get(3).get("c@x.org").result(), out.toString());
            assertEquals(Delivery.Result.REFUSED, out.get(3).get("gone@x.org").result(), out.toString());
            assertEquals(Delivery.Result.SENT, out.get(4).get("d@x.org").result(), "the mail after the refusals");
            assertEquals(List.of(List.of("a@x.org"), List.of("b@x.org"), List.of("c@x.org"), List.of("d@x.org")),
                    server.delivered);
            assertEquals(1, server.connections.get(), "one connection for the five mails");
            assertEquals(1, c.connects());
            assertEquals(1, server.commands.stream().filter("EHLO"::equals).count(), "one greeting, not one per mail");
        }
    }

    @Test
    void aServerThatSays421AndClosesMidRoundGetsANewConnectionAndNoMailIsLost() throws Exception {
        try (StrictServer server = new StrictServer(2, Closing.SAYING_421);
                SmtpSender.Connection c = server.connection()) {
            List<Map<String, Delivery.Outcome>> out = sendAll(c, List.of(mailTo("a@x.org"), mailTo("b@x.org"),
                    mailTo("c@x.org"), mailTo("d@x.org"), mailTo("e@x.org")));

            for (int i = 0; i < out.size(); i++) {
                assertTrue(out.get(i).values().stream().allMatch(o -> o.result() == Delivery.Result.SENT),
                        "mail " + i + ": " + out.get(i));
            }
            assertEquals(List.of(List.of("a@x.org"), List.of("b@x.org"), List.of("c@x.org"), List.of("d@x.org"),
                    List.of("e@x.org")), server.delivered, "each once, in order");
            assertEquals(3, server.connections.get(), "two mails per connection, as the server allows");
        }
    }

    @Test
    void aServerThatClosesSilentlyMidRoundGetsANewConnectionAndNoMailIsLost() throws Exception {
        try (StrictServer server = new StrictServer(2, Closing.SILENTLY);
                SmtpSender.Connection c = server.connection()) {
            List<Map<String, Delivery.Outcome>> out = sendAll(c, List.of(mailTo("a@x.org"), mailTo("b@x.org"),
                    mailTo("c@x.org"), mailTo("d@x.org")));

            for (int i = 0; i < out.size(); i++) {
                assertTrue(out.get(i).values().stream().allMatch(o -> o.result() == Delivery.Result.SENT),
                        "mail " + i + ": " + out.get(i));
            }
            assertEquals(4, server.delivered.size(), "each once: " + server.delivered);
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void aServerGoneMidRoundEndsItAsUnreachable() throws Exception {
        StrictServer server = new StrictServer(1, Closing.SILENTLY);
        server.goneAfterHangUp = true;
        try (SmtpSender.Connection c = server.connection()) {
            assertEquals(Delivery.Result.SENT, c.send(mailTo("a@x.org")).get("a@x.org").result());
            // the server hangs up after its one mail, and goes away entirely
            assertTrue(server.hungUp.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS));
            assertThrows(SmtpSender.Unreachable.class, () -> c.send(mailTo("b@x.org")));
        }
    }

    @Test
    void everySessionOfTheOutboxSetsTcpNoDelayOnItsSocketWhateverTheTlsMode() throws Exception {
        for (TlsMode tls : TlsMode.values()) {
            SmtpSettings settings = new SmtpSettings(false, "smtp.example.org", 587, tls, Optional.of("coloc"),
                    Optional.of("secret"));
            Properties props = SmtpSender.properties(settings);
            String p = "mail." + settings.protocol() + ".";
            Object factory = props.get(p + "socketFactory");
            assertSame(NoDelaySockets.INSTANCE, factory, tls + ": " + props);
            assertEquals("true", props.getProperty(p + "sendpartial"), tls.toString());
            try (Socket s = ((SocketFactory) factory).createSocket()) {
                assertTrue(s.getTcpNoDelay(), "the socket Angus connects has TCP_NODELAY");
            }
        }
        // a caller's own session settings get it too (the tests' sessions, for one)
        Properties own = SmtpSender.withSendingDefaults(new Properties(), "smtp");
        assertInstanceOf(NoDelaySockets.class, own.get("mail.smtp.socketFactory"));
    }

    @Test
    void theSocketAngusConnectsHasTcpNoDelay() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket s = NoDelaySockets.INSTANCE.createSocket(listener.getInetAddress(), listener.getLocalPort())) {
            assertTrue(s.getTcpNoDelay());
            assertTrue(s.isConnected());
        }
    }
}
