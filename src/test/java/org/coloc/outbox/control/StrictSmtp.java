package org.coloc.outbox.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What the strict little SMTP servers of {@link SmtpConnectionTest} and {@link SmtpConversationTest} answer alike,
 * and the client properties that reach them.
 */
final class StrictSmtp {

    private StrictSmtp() {
    }

    static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The reply to a RCPT command: {@code gone@} is refused for good, {@code later@} for now (greylisted); any
     * other recipient is taken and added to {@code taken}.
     */
    static String recipientReply(String line, List<String> taken) {
        String upper = line.toUpperCase();
        if (upper.startsWith("RCPT TO:<GONE@")) {
            return "550 5.1.1 <gone@x.org>: no such user";
        }
        if (upper.startsWith("RCPT TO:<LATER@")) {
            return "451 4.7.1 greylisted, try again later";
        }
        taken.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
        return "250 2.1.5 ok";
    }

    /** The message sent after DATA, up to the lone dot that ends it. */
    static String message(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while (!(line = in.readLine()).equals(".")) {
            message.append(line).append('\n');
        }
        return message.toString();
    }

    /**
     * Answers what neither server treats in its own way: EHLO or HELO, QUIT, and any other command with a plain
     * 250. False once QUIT is answered: the session is over.
     */
    static boolean answerAsUsual(String upper, OutputStream out) throws IOException {
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
            say(out, "250 strict.example");
        } else if (upper.startsWith("QUIT")) {
            say(out, "221 bye");
            return false;
        } else {
            say(out, "250 ok");
        }
        return true;
    }

    /** Angus Mail's properties for a server on this loopback port, with timeouts short enough for a test. */
    static Properties clientProperties(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "5000");
        return p;
    }
}
