package org.coloc.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.coloc.intake.boundary.LocalMailbox;
import org.coloc.platform.ColocConfig;

/**
 * Sends a mail over SMTP, from the coloc address, marked as ours ({@code X-Coloc-Loop}, so that it is
 * recognised if it ever comes back) and, for automatic mail, with {@code Auto-Submitted}. Only the
 * {@code OutboxSender} calls it: everything else writes to the outbox.
 */
@ApplicationScoped
public class SmtpSender {

    @Inject
    ColocConfig config;

    @Inject
    LocalMailbox localMailbox;

    public void send(OutgoingMail mail) throws MessagingException {
        boolean local = config.optional("coloc.smtp.host").isEmpty();
        String tls = local ? "none" : config.string("coloc.smtp.tls");
        String protocol = "tls".equals(tls) ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", local ? "127.0.0.1" : config.string("coloc.smtp.host"));
        props.setProperty(p + "port", Integer.toString(local ? localMailbox.smtpPort() : config.integer("coloc.smtp.port")));
        props.setProperty(p + "connectiontimeout", "15000");
        props.setProperty(p + "timeout", "60000");
        props.setProperty(p + "writetimeout", "60000");
        if ("starttls".equals(tls)) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        String user = local ? null : config.optional("coloc.smtp.user").orElse(null);
        if (user != null) {
            props.setProperty(p + "auth", "true");
        }
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // our Message-IDs carry the case and a keyed hash: keep the one we chose
                if (mail.messageId() != null) {
                    setHeader("Message-ID", "<" + mail.messageId() + ">");
                } else {
                    super.updateMessageID();
                }
            }
        };
        m.setFrom(new InternetAddress(config.colocAddress()));
        for (String to : mail.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(mail.subject(), "UTF-8");
        m.setText(mail.text(), "UTF-8");
        m.setSentDate(new Date());
        if (mail.autoSubmitted() != null) {
            m.setHeader("Auto-Submitted", mail.autoSubmitted());
            // ask Exchange & co. not to answer our automatic mails with their own
            m.setHeader("X-Auto-Response-Suppress", "All");
        }
        m.setHeader("X-Coloc-Loop", config.colocAddress());
        if (mail.inReplyTo() != null) {
            m.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (mail.references() != null && !mail.references().isEmpty()) {
            m.setHeader("References", String.join(" ", mail.references().stream().map(r -> "<" + r + ">").toList()));
        }
        try (Transport t = session.getTransport(protocol)) {
            t.connect(user, user == null ? null : config.optional("coloc.smtp.password").orElse(""));
            m.saveChanges();
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
