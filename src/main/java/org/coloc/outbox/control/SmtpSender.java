package org.coloc.outbox.control;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.coloc.platform.ColocSettings;
import org.coloc.platform.TlsMode;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends a mail over SMTP, from the coloc address, marked as ours ({@code X-Coloc-Loop}, so that it is
 * recognised if it ever comes back), for automatic mail with {@code Auto-Submitted}, with the extra headers
 * its caller chose, and with its calendar part, if any, next to the text and attached as {@code invite.ics}. Only the
 * {@code OutboxSender} calls it: everything else writes to the outbox. Answers what happened to each
 * recipient; an address SMTP cannot carry is refused here, without holding back the others.
 */
@ApplicationScoped
public class SmtpSender {

    @Inject
    SmtpSettings smtp;

    @Inject
    ColocSettings coloc;

    /** The SMTP server could not be reached or would not let us in: no recipient was tried. */
    public static class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unreachable(Exception cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Sends one mail over a connection of its own. The drain sends many over one: {@link #open()}. */
    public Map<String, Delivery.Outcome> send(OutgoingMail mail) throws Unreachable {
        try (Connection c = open()) {
            return c.send(mail);
        }
    }

    /** A connection to the configured server for many mails (a drain round); it connects at the first mail. */
    public Connection open() {
        String user = smtp.user().orElse(null);
        String password = user == null ? null : smtp.password().orElse("");
        return new Connection(properties(smtp), smtp.protocol(), user, password, coloc.address());
    }

    /** The session's settings for the configured server (pure). */
    static Properties properties(SmtpSettings smtp) {
        String protocol = smtp.protocol();
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", smtp.host());
        props.setProperty(p + "port", Integer.toString(smtp.port()));
        props.setProperty(p + "connectiontimeout", "15000");
        props.setProperty(p + "timeout", "60000");
        props.setProperty(p + "writetimeout", "60000");
        if (smtp.tls() == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (smtp.user().isPresent()) {
            props.setProperty(p + "auth", "true");
        }
        return withSendingDefaults(props, protocol);
    }

    /**
     * What every session of the outbox needs, whatever else it was given: TCP_NODELAY on the socket
     * ({@link NoDelaySockets}: mails over 8 KiB would otherwise crawl) and partial sending (one refused recipient
     * must not stop the mail to the others: Angus reports who got it and who not).
     */
    static Properties withSendingDefaults(Properties props, String protocol) {
        props.putIfAbsent("mail." + protocol + ".socketFactory", NoDelaySockets.INSTANCE);
        props.setProperty("mail." + protocol + ".sendpartial", "true");
        return props;
    }

    /** The SMTP conversation for one mail on a connection of its own, given the session's settings. */
    static Map<String, Delivery.Outcome> send(Properties props, String protocol, String user, String password,
            OutgoingMail mail, String from) throws Unreachable {
        try (Connection c = new Connection(props, protocol, user, password, from)) {
            return c.send(mail);
        }
    }

    /**
     * One SMTP connection for many mails, opened at the first one. Angus ends each mail's transaction (and
     * resets it after a refusal), so the next mail follows on the same connection. A refusal (of a recipient, of
     * the sender, of the data) is that mail's outcome; the connection goes on. When the server has closed the
     * connection (it answered 421, or nothing) before saying anything about a mail, the mail is tried once more on
     * a new connection; a server that cannot be reached (again) ends the round: {@link Unreachable}.
     */
    public static final class Connection implements AutoCloseable {

        private final Session session;
        private final String protocol;
        private final String user;
        private final String password;
        private final String from;
        private Transport transport;
        private int connects;

        Connection(Properties props, String protocol, String user, String password, String from) {
            this.session = Session.getInstance(withSendingDefaults(props, protocol));
            this.protocol = protocol;
            this.user = user;
            this.password = password;
            this.from = from;
        }

        /** What became of each recipient of this mail. */
        public Map<String, Delivery.Outcome> send(OutgoingMail mail) throws Unreachable {
            Map<String, Delivery.Outcome> outcomes = new LinkedHashMap<>();
            List<String> sendable = new ArrayList<>();
            for (String to : mail.to()) {
                String malformed = Delivery.malformed(to);
                if (malformed != null) {
                    outcomes.put(to, new Delivery.Outcome(Delivery.Result.REFUSED, malformed));
                } else {
                    sendable.add(to);
                }
            }
            if (sendable.isEmpty()) {
                return outcomes;
            }
            MimeMessage m;
            Address[] recipients;
            try {
                m = message(session, mail, sendable, from);
                recipients = m.getAllRecipients();
            } catch (MessagingException e) {
                outcomes.putAll(Delivery.allDeferred(sendable, "could not build the mail: " + e.getMessage()));
                return outcomes;
            }
            outcomes.putAll(transmit(m, recipients, sendable));
            return outcomes;
        }

        private Map<String, Delivery.Outcome> transmit(MimeMessage m, Address[] recipients, List<String> sendable)
                throws Unreachable {
            for (int attempt = 1;; attempt++) {
                Transport t = connected();
                try {
                    t.sendMessage(m, recipients);
                    return Delivery.allSent(sendable);
                } catch (MessagingException e) {
                    boolean usable = stillUsable(t);
                    if (!usable && attempt == 1 && Delivery.noVerdict(e)) {
                        // the server had closed the connection (idle, or a limit of mails per connection)
                        continue;
                    }
                    return Delivery.afterFailure(sendable, e);
                }
            }
        }

        private Transport connected() throws Unreachable {
            if (transport != null) {
                return transport;
            }
            Transport t;
            try {
                t = session.getTransport(protocol);
                t.connect(user, password);
            } catch (MessagingException e) {
                throw new Unreachable(e);
            }
            connects++;
            transport = t;
            return t;
        }

        /**
         * After a failed mail: whether the connection can carry the next one. A RSET both asks (a closed
         * connection fails it) and leaves no half transaction behind whatever the failure was.
         */
        private boolean stillUsable(Transport t) {
            if (t instanceof SMTPTransport smtp && smtp.isConnected()) {
                try {
                    smtp.issueCommand("RSET", 250);
                    return true;
                } catch (MessagingException | RuntimeException e) {
                    // closed under us: dropped below
                }
            }
            drop();
            return false;
        }

        private void drop() {
            Transport t = transport;
            transport = null;
            if (t != null) {
                try {
                    t.close();
                } catch (MessagingException | RuntimeException e) {
                    // it is gone either way
                }
            }
        }

        /** How many times it connected (once, unless the server closed it). */
        public int connects() {
            return connects;
        }

        @Override
        public void close() {
            drop();
        }
    }

    /**
     * The MIME message for a mail to these (checked) recipients. Every header is one logical line with no
     * outside CR/LF, folded to lines far below RFC 5322's 998 characters; the subject and ids are cleaned by
     * {@link Headers}. Pure: given a session, it needs no server.
     */
    static MimeMessage message(Session session, OutgoingMail mail, List<String> to, String from)
            throws MessagingException {
        String messageId = Headers.id(mail.messageId());
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // our Message-IDs carry the case and a keyed hash: keep the one we chose
                if (messageId != null) {
                    setHeader("Message-ID", "<" + messageId + ">");
                } else {
                    super.updateMessageID();
                }
            }
        };
        m.setFrom(new InternetAddress(from));
        List<InternetAddress> addresses = new ArrayList<>();
        for (String address : to) {
            addresses.add(new InternetAddress(address, true));
        }
        // setRecipients folds the To header itself, however many addresses it holds
        m.setRecipients(Message.RecipientType.TO, addresses.toArray(InternetAddress[]::new));
        m.setSubject(Headers.subject(mail.subject()), "UTF-8");
        String text = mail.text() == null ? "" : mail.text();
        if (mail.calendar() == null) {
            m.setText(text, "UTF-8");
        } else {
            m.setContent(withCalendar(text, mail.calendar()));
        }
        m.setSentDate(new Date());
        if (mail.autoSubmitted() != null) {
            m.setHeader("Auto-Submitted", Headers.subject(mail.autoSubmitted()));
            // ask Exchange & co. not to answer our automatic mails with their own
            m.setHeader("X-Auto-Response-Suppress", "All");
        }
        m.setHeader("X-Coloc-Loop", from);
        String inReplyTo = Headers.id(mail.inReplyTo());
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", "<" + inReplyTo + ">");
        }
        List<String> references = Headers.references(mail.references());
        if (!references.isEmpty()) {
            m.setHeader("References", MimeUtility.fold("References: ".length(),
                    String.join(" ", references.stream().map(r -> "<" + r + ">").toList())));
        }
        for (ExtraHeader h : mail.headers()) {
            // checked when queued and when read back: one line of printable ASCII, a name of the allowed few
            m.setHeader(h.name(), MimeUtility.fold(h.name().length() + 2, h.value()));
        }
        m.saveChanges();
        return m;
    }

    /** The file name of the invitation attached next to the alternatives. */
    static final String INVITE_FILE = "invite.ics";

    /**
     * The text and the calendar object as alternatives (RFC 6047, 2.4): mail clients that know iMIP
     * (Outlook, Gmail, Apple Mail, Thunderbird) show the calendar part, last as the richest, as an event to
     * accept or add; the others show the text. The same object also travels as an attachment
     * ({@value #INVITE_FILE}, {@code application/ics}), the way calendar servers send invitations, for the
     * clients and webmails that show no alternative but the text and would otherwise lose the invitation: the
     * whole is {@code multipart/mixed [multipart/alternative [text/plain, text/calendar], application/ics]}.
     * The object is sent as its bytes, so no client-side line handling touches its CRLF lines.
     */
    private static MimeMultipart withCalendar(String text, CalendarPart calendar) throws MessagingException {
        byte[] bytes = calendar.ics().getBytes(StandardCharsets.UTF_8);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart ics = new MimeBodyPart();
        ics.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, calendar.contentType())));
        ics.setHeader("Content-Type", calendar.contentType());
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(ics);
        MimeBodyPart alternatives = new MimeBodyPart();
        alternatives.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        String type = "application/ics; name=\"" + INVITE_FILE + "\"";
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        attachment.setHeader("Content-Type", type);
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName(INVITE_FILE);
        // base64 keeps the CRLF lines and the UTF-8 bytes exactly as built, whatever relays do to text
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternatives);
        mixed.addBodyPart(attachment);
        return mixed;
    }
}
