package org.coloc.intake.control;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Turns raw RFC 822 bytes into a {@link ParsedMail}. Pure code: no container, no I/O besides the bytes.
 * Never throws anything but {@link UnparseableMailException}.
 */
public class MimeParser {

    private static final Session SESSION = Session.getInstance(new Properties());

    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String id = m.getMessageID();
            InternetAddress from = m.getFrom() == null ? null : (InternetAddress) m.getFrom()[0];
            Object content = m.getContent();
            String text = content instanceof String s ? s : "";
            return new ParsedMail(id == null ? null : id.replaceAll("[<>\\s]", ""), null, List.of(),
                    from == null ? null : new MailAddress(from.getPersonal(), from.getAddress()),
                    List.of(), List.of(), List.of(), m.getSubject(),
                    m.getSentDate() == null ? null : m.getSentDate().toInstant(),
                    new ArrayList<>(), text, null, List.of(), List.of());
        } catch (Exception e) {
            throw new UnparseableMailException(e.toString(), e);
        }
    }
}
