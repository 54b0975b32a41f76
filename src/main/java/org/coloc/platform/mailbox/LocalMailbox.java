package org.coloc.platform.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.coloc.comments.control.CommentSettings;
import org.coloc.platform.ColocSettings;

/**
 * The built-in mailbox for a machine with no mail server configured: GreenMail in-process, on 127.0.0.1
 * only. Mail to any address is accepted over SMTP and readable over IMAP with the full address as login and
 * password. Plus-addressed mail ({@code coloc+my-post@…}, with the delimiter of {@code coloc.comments.plus-delimiter})
 * is delivered into the mailbox without the detail, as Postfix and Dovecot do. It keeps mail in memory: fine for trying coloc out, not for production. Bounces (null sender) are
 * accepted and mail is held with its final line break, see {@link BuiltInMailServer}.
 *
 * <p>It lives in platform, not in intake: it serves both directions, the intake reading it over IMAP and the
 * outbox writing to it over SMTP, as the database serves every area.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LocalMailbox {

    private static final Logger LOG = Logger.getLogger(LocalMailbox.class.getName());

    @Inject
    ColocSettings coloc;

    @Inject
    LocalMailboxSettings settings;

    @Inject
    CommentSettings comments;

    private GreenMail greenMail;

    @PostConstruct
    void start() {
        if (!isWanted()) {
            return;
        }
        String address = coloc.address();
        int smtpPort = smtpPort();
        int imapPort = imapPort();
        greenMail = new BuiltInMailServer(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}, comments.plusDelimiter());
        greenMail.start();
        greenMail.setUser(address, address, address);
        LOG.info(() -> "\n\n  No IMAP server configured (COLOC_IMAP_HOST): built-in local mailbox started."
                + "\n  SMTP 127.0.0.1:" + smtpPort + "   IMAP 127.0.0.1:" + imapPort
                + "\n  coloc address: " + address
                + "\n  Any other recipient reads its mail over IMAP with the full address as login and password.\n");
    }

    @PreDestroy
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** True when no IMAP host is configured: then coloc brings its own mailbox. */
    public boolean isWanted() {
        return settings.wanted();
    }

    public int smtpPort() {
        return settings.smtpPort();
    }

    public int imapPort() {
        return settings.imapPort();
    }
}
