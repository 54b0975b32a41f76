package org.coloc.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;

/**
 * A real IMAP/SMTP server in the test JVM (GreenMail) on loopback. It can be stopped and started again on
 * the same ports, as a mail server restart would look to the application.
 */
public final class TestMailServer implements AutoCloseable {

    public static final String COLOC = "coloc@coloc.test";

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    public TestMailServer() throws IOException {
        this.smtpPort = ColocServer.freePort();
        this.imapPort = ColocServer.freePort();
    }

    public TestMailServer start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        return started();
    }

    private TestMailServer started() {
        greenMail.start();
        greenMail.setUser(COLOC, COLOC, COLOC);
        return this;
    }

    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public boolean isRunning() {
        return greenMail != null;
    }

    /** Sends a mail over SMTP, as any mail client would. */
    public void send(byte[] raw, String from, String to) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(p);
        MimeMessage m = new RawMessage(session, raw);
        m.setFrom(from);
        Transport.send(m, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(to)});
    }

    /** Drops exact bytes into a folder of the coloc mailbox over IMAP APPEND (how broken mail gets in). */
    public void append(String folder, byte[]... raws) throws MessagingException {
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            Session session = Session.getInstance(new Properties());
            Message[] messages = new Message[raws.length];
            for (int i = 0; i < raws.length; i++) {
                messages[i] = new RawMessage(session, raws[i]);
            }
            f.appendMessages(messages);
        }
    }

    /** Puts mails straight into the coloc inbox through the server's API: fast, for big backlogs. */
    public void deliver(byte[]... raws) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        com.icegreen.greenmail.user.GreenMailUser user = greenMail.getUserManager().getUser(COLOC);
        for (byte[] raw : raws) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
        }
    }

    /** How many messages a folder of the coloc mailbox holds. */
    public int count(String folder) throws MessagingException {
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        }
    }

    /** Copies every message of one folder into another (a re-delivery of everything). */
    public void copyAll(String from, String to) throws MessagingException {
        try (Store store = store()) {
            Folder f = store.getFolder(from);
            f.open(Folder.READ_ONLY);
            f.copyMessages(f.getMessages(), store.getFolder(to));
            f.close(false);
        }
    }

    private Store store() throws MessagingException {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, COLOC, COLOC);
        return store;
    }

    /** Every mail the server accepted for this address (over SMTP or otherwise). */
    public List<MimeMessage> receivedBy(String address) throws MessagingException {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (jakarta.mail.Address a : m.getAllRecipients()) {
                if (a.toString().toLowerCase(java.util.Locale.ROOT).contains(address.toLowerCase(java.util.Locale.ROOT))) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Waits until this server has accepted at least {@code count} mails for the address (while it is stopped,
     * it simply has none yet) and answers them all; fails the test after {@code timeout}.
     */
    public List<MimeMessage> awaitReceived(String address, int count, java.time.Duration timeout)
            throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> got = List.of();
        while (System.nanoTime() < deadline) {
            if (isRunning()) {
                got = receivedBy(address);
                if (got.size() >= count) {
                    return got;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(address + " received " + got.size() + " mails, expected " + count);
    }

    public List<String> users() {
        return greenMail.getUserManager().listUser().stream().map(u -> u.getEmail()).toList();
    }

    @Override
    public void close() {
        stop();
    }

    /** A message that writes exactly the bytes it was given, however broken. */
    static final class RawMessage extends MimeMessage {

        private final byte[] raw;

        RawMessage(Session session, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
            this.raw = raw;
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            os.write(raw);
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            os.write(raw);
        }

        @Override
        public int getSize() {
            return raw.length;
        }

        /**
         * The raw bytes are sent as they are, so there is nothing to update; Jakarta Mail would otherwise parse the
         * whole MIME tree on send (25 s for a mail nested 1,000 deep, HostileParsingIT).
         */
        @Override
        protected void updateHeaders() {
        }
    }
}
