import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * Baseline of bench/fanout: a plain Jakarta Mail (Angus) sender sending the same mails as the app, one after
 * the other over ONE SMTP connection, each to its own envelope recipients.
 *
 * <pre>
 * java -cp ANGUS_CP PlainSend.java send DIR HOST PORT [PASSES=3] [NAGLE_SAMPLE=100]
 * java -cp ANGUS_CP PlainSend.java synth DIR N
 * </pre>
 *
 * {@code send} reads DIR/manifest.tsv (file, envelope sender, recipients separated by commas; written by
 * helper.py extract from what smtp-sink captured of the app's mails), parses every file into a MimeMessage
 * before the clock starts, and sends them as they are ({@code Transport.sendMessage} writes a parsed,
 * unchanged message with its original bytes). A pass is timed from connect to the 250 after the last mail.
 * The socket has TCP_NODELAY: Angus writes a mail through an 8 KiB buffer, and without it the last short
 * write of every mail over 8 KiB waits for the delayed ACK of the previous one (~40 ms a mail, see
 * ../shared/tools/README.md). The first pass is a cold JVM; the best pass is the baseline. Three last passes
 * send the first NAGLE_SAMPLE mails, for comparison: with default sockets over one connection (that effect),
 * with default sockets and a new connection per mail (as the outbox did before issue 10), and with
 * TCP_NODELAY and a new connection per mail (0 to skip them).
 *
 * {@code synth} writes N mails shaped like an announcement (text and an iTIP REQUEST as alternatives, the
 * same calendar as an .ics attachment, about 10 KB) with a manifest, for a smoke test without the app.
 *
 * Prints one line per pass, then: plain_send mails=N bytes=B mails_per_s=BEST cold_mails_per_s=FIRST
 * nagle_mails_per_s=X per_connection_mails_per_s=Y per_connection_nodelay_mails_per_s=Z
 */
public class PlainSend {

    /** Plain sockets with Nagle's algorithm off. */
    static final class NoDelaySocketFactory extends SocketFactory {

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    }

    record Mail(MimeMessage message, InternetAddress[] to, String from, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("synth")) {
            synth(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 4 && args[0].equals("send")) {
            send(Path.of(args[1]), args[2], Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 3, args.length > 5 ? Integer.parseInt(args[5]) : 100);
        } else {
            System.err.println("usage: PlainSend send DIR HOST PORT [PASSES] [NAGLE_SAMPLE] | PlainSend synth DIR N");
            System.exit(2);
        }
    }

    static Session session(String host, int port, boolean noDelay, String from) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.from", from);
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "60000");
        if (noDelay) {
            props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        }
        return Session.getInstance(props);
    }

    static void send(Path dir, String host, int port, int passes, int nagleSample) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        String from = rows.get(0)[1];
        Session parsing = Session.getInstance(new Properties());
        List<Mail> mails = new ArrayList<>();
        long bytes = 0;
        for (String[] row : rows) {
            byte[] data = Files.readAllBytes(dir.resolve(row[0]));
            MimeMessage m = new MimeMessage(parsing, new ByteArrayInputStream(data));
            String[] rcpts = row[2].split(",");
            InternetAddress[] to = new InternetAddress[rcpts.length];
            for (int i = 0; i < rcpts.length; i++) {
                to[i] = new InternetAddress(rcpts[i]);
            }
            mails.add(new Mail(m, to, row[1], data.length));
            bytes += data.length;
        }
        double first = 0;
        double best = 0;
        for (int pass = 1; pass <= passes; pass++) {
            double rate = pass(session(host, port, true, from), mails, pass, "nodelay");
            first = pass == 1 ? rate : first;
            best = Math.max(best, rate);
        }
        double nagle = 0;
        double perConnection = 0;
        double perConnectionNoDelay = 0;
        if (nagleSample > 0) {
            List<Mail> sample = mails.subList(0, Math.min(nagleSample, mails.size()));
            nagle = pass(session(host, port, false, from), sample, passes + 1, "default-socket", false);
            perConnection = pass(session(host, port, false, from), sample, passes + 2, "default-socket", true);
            perConnectionNoDelay = pass(session(host, port, true, from), sample, passes + 3, "nodelay", true);
        }
        System.out.printf(Locale.ROOT, "plain_send mails=%d bytes=%d mails_per_s=%.1f cold_mails_per_s=%.1f"
                + " nagle_mails_per_s=%.1f per_connection_mails_per_s=%.1f per_connection_nodelay_mails_per_s=%.1f%n",
                mails.size(), bytes, best, first, nagle, perConnection, perConnectionNoDelay);
    }

    static double pass(Session session, List<Mail> mails, int pass, String socket) throws Exception {
        return pass(session, mails, pass, socket, false);
    }

    /**
     * Sends the mails over one connection, or with a connection of their own each (as the outbox does
     * before issue 10: it shows what a connection per mail costs next to the one-connection baseline).
     */
    static double pass(Session session, List<Mail> mails, int pass, String socket, boolean connectionPerMail)
            throws Exception {
        long bytes = 0;
        long t0 = System.nanoTime();
        Transport t = session.getTransport("smtp");
        try {
            for (Mail mail : mails) {
                if (!mail.from().equals(session.getProperty("mail.smtp.from"))) {
                    // the envelope sender the app used, should it differ from one mail to the next
                    session.getProperties().put("mail.smtp.from", mail.from());
                }
                if (!t.isConnected()) {
                    t.connect();
                }
                t.sendMessage(mail.message(), mail.to());
                if (connectionPerMail) {
                    t.close();
                }
                bytes += mail.bytes();
            }
        } finally {
            t.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = mails.size() / seconds;
        System.out.printf(Locale.ROOT, "plain_send_pass pass=%d socket=%s connections=%s mails=%d bytes=%d"
                + " seconds=%.3f mails_per_s=%.1f%n", pass, socket, connectionPerMail ? "one-per-mail" : "one",
                mails.size(), bytes, seconds, rate);
        return rate;
    }

    // ------------------------------------------------------------------------------------- synthetic mails

    static void synth(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        Session session = Session.getInstance(new Properties());
        StringBuilder manifest = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            String to = "contact" + i + "@asso" + i + ".example";
            String ics = calendar(i, to);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(text(i), "UTF-8");
            MimeBodyPart invitation = new MimeBodyPart();
            invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=REQUEST; charset=UTF-8")));
            invitation.setHeader("Content-Type", "text/calendar; method=REQUEST; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, invitation);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                    "application/ics")));
            file.setFileName("maintenance.ics");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("coloc@bench.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject("[coloc] Maintenance : remplacement des disques des garages", "UTF-8");
            m.setHeader("Auto-Submitted", "auto-generated");
            m.setContent(new MimeMultipart("mixed", body, file));
            m.saveChanges();
            String name = String.format(Locale.ROOT, "%05d.eml", i);
            try (OutputStream out = new FileOutputStream(dir.resolve(name).toFile())) {
                m.writeTo(out);
            }
            manifest.append(name).append('\t').append("coloc@bench.test").append('\t').append(to).append('\n');
        }
        Files.writeString(dir.resolve("manifest.tsv"), manifest.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + n + " synthetic announcements to " + dir);
    }

    static String text(int i) {
        StringBuilder b = new StringBuilder();
        b.append("Bonjour,\n\nLes serveurs des garages seront arrêtés pour changer leurs disques.\n")
                .append("Fenêtre : dimanche 6 décembre 2026, 01:30–03:30 (Europe/Paris), soit 00:30–02:30 UTC.\n\n")
                .append("Vos machines concernées :\n");
        for (int v = 0; v < 1 + i % 3; v++) {
            b.append("  - vm-").append(i).append('-').append(v).append(" (vm").append(i).append(v)
                    .append(".coloc.example) : site").append(i).append(v).append(".asso.example\n");
        }
        b.append("\nCe qui va se passer : vos machines seront éteintes proprement puis redémarrées. ")
                .append("Rien à faire de votre côté. Répondez simplement à ce courriel pour toute question.\n\n");
        // the English half and the usual footer bring the text to about a third of the mail, as a notice's
        b.append("Hello,\n\nThe garage servers will be stopped to replace their disks. Your virtual machines ")
                .append("will be shut down cleanly and started again. Nothing to do on your side; just answer ")
                .append("this mail with any question.\n\n").append("-- \nLa coloc\n".repeat(3));
        while (b.length() < 2600) {
            b.append("Merci de votre patience. Thank you for your patience.\n");
        }
        return b.toString();
    }

    static String calendar(int i, String to) {
        String nl = "\r\n";
        StringBuilder b = new StringBuilder();
        b.append("BEGIN:VCALENDAR").append(nl).append("PRODID:-//coloc//bench//FR").append(nl)
                .append("VERSION:2.0").append(nl).append("METHOD:REQUEST").append(nl)
                .append("BEGIN:VTIMEZONE").append(nl).append("TZID:Europe/Paris").append(nl)
                .append("TZURL:https://www.tzurl.org/zoneinfo-outlook/Europe/Paris").append(nl)
                .append("X-LIC-LOCATION:Europe/Paris").append(nl);
        // a VTIMEZONE with its historical rules, as generated zone data carries them
        for (int year = 1996; year <= 2026; year += 2) {
            b.append("BEGIN:DAYLIGHT").append(nl).append("TZNAME:CEST").append(nl)
                    .append("TZOFFSETFROM:+0100").append(nl).append("TZOFFSETTO:+0200").append(nl)
                    .append("DTSTART:").append(year).append("0331T020000").append(nl)
                    .append("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU").append(nl).append("END:DAYLIGHT").append(nl)
                    .append("BEGIN:STANDARD").append(nl).append("TZNAME:CET").append(nl)
                    .append("TZOFFSETFROM:+0200").append(nl).append("TZOFFSETTO:+0100").append(nl)
                    .append("DTSTART:").append(year).append("1027T030000").append(nl)
                    .append("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU").append(nl).append("END:STANDARD").append(nl);
        }
        b.append("END:VTIMEZONE").append(nl).append("BEGIN:VEVENT").append(nl)
                .append("UID:maintenance-1@bench.test").append(nl).append("SEQUENCE:0").append(nl)
                .append("DTSTAMP:20261129T120000Z").append(nl)
                .append("DTSTART;TZID=Europe/Paris:20261206T013000").append(nl)
                .append("DTEND;TZID=Europe/Paris:20261206T033000").append(nl)
                .append("SUMMARY:Maintenance : remplacement des disques des garages").append(nl)
                .append("ORGANIZER:mailto:coloc@bench.test").append(nl)
                .append("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:").append(to)
                .append(nl).append("STATUS:CONFIRMED").append(nl).append("END:VEVENT").append(nl)
                .append("END:VCALENDAR").append(nl);
        return b.toString();
    }
}
