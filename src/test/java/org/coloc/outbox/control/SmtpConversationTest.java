package org.coloc.outbox.control;

import static org.coloc.outbox.control.StrictSmtp.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The real Angus Mail client against a strict little SMTP server that refuses one recipient for good (550)
 * and another for now (451): the mail still goes to the third, and each fate is reported.
 */
class SmtpConversationTest {

    /** Answers one SMTP session as {@link StrictSmtp} tells; remembers the recipients it accepted and whether a message came. */
    private static final class StrictServer implements AutoCloseable {

        final ServerSocket socket;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<String> data = new CopyOnWriteArrayList<>();
        final Thread thread;

        StrictServer() throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve);
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            try (Socket s = socket.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream()) {
                say(out, "220 strict.example ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String upper = line.toUpperCase();
                    if (upper.startsWith("RCPT")) {
                        say(out, StrictSmtp.recipientReply(line, accepted));
                    } else if (upper.startsWith("DATA")) {
                        say(out, "354 go ahead");
                        data.add(StrictSmtp.message(in));
                        say(out, "250 2.0.0 queued");
                    } else if (!StrictSmtp.answerAsUsual(upper, out)) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the test sees what arrived
            }
        }

        Properties props() {
            return StrictSmtp.clientProperties(socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void oneRecipientRefusedForGoodAndOneForNowDoNotStopTheMailToTheOthers() throws Exception {
        try (StrictServer server = new StrictServer()) {
            OutgoingMail mail = new OutgoingMail("m-1@coloc.test", List.of("ok@x.org", "gone@x.org", "later@x.org",
                    "a..b@x.org"), "Subject", "Text", null, List.of(), null);
            Map<String, Delivery.Outcome> out = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> SmtpSender.send(server.props(), "smtp", null, null, mail, "coloc@coloc.test"));
            assertEquals(Delivery.Result.SENT, out.get("ok@x.org").result(), out.toString());
            assertEquals(Delivery.Result.REFUSED, out.get("gone@x.org").result(), out.toString());
            assertTrue(out.get("gone@x.org").reason().contains("no such user"), out.toString());
            assertEquals(Delivery.Result.DEFERRED, out.get("later@x.org").result(), out.toString());
            assertTrue(out.get("later@x.org").reason().contains("greylisted"), out.toString());
            assertEquals(Delivery.Result.REFUSED, out.get("a..b@x.org").result(), "never given to the server");
            assertEquals(List.of("ok@x.org"), server.accepted);
            assertEquals(1, server.data.size(), "the message went out, to the one recipient the server took");
        }
    }

    @Test
    void whenEveryRecipientIsRefusedEachStillGetsItsOwnFate() throws Exception {
        try (StrictServer server = new StrictServer()) {
            OutgoingMail mail = new OutgoingMail(List.of("gone@x.org", "later@x.org"), "Subject", "Text");
            Map<String, Delivery.Outcome> out = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> SmtpSender.send(server.props(), "smtp", null, null, mail, "coloc@coloc.test"));
            assertEquals(Delivery.Result.REFUSED, out.get("gone@x.org").result(), out.toString());
            assertEquals(Delivery.Result.DEFERRED, out.get("later@x.org").result(), out.toString());
            assertEquals(List.of(), server.data, "no message without a recipient");
        }
    }

    @Test
    void aServerThatCannotBeReachedTriesNobody() throws Exception {
        Properties props;
        try (StrictServer closed = new StrictServer()) {
            props = closed.props();
        }
        OutgoingMail mail = new OutgoingMail(List.of("ok@x.org"), "S", "T");
        assertThrows(SmtpSender.Unreachable.class, () -> SmtpSender.send(props, "smtp", null, null, mail, "c@c.test"));
    }
}
