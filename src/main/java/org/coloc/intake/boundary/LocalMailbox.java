package org.coloc.intake.boundary;

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
import org.coloc.platform.ColocConfig;

/**
 * The built-in mailbox for a machine with no mail server configured: GreenMail in-process, on 127.0.0.1
 * only. Mail to any address is accepted over SMTP and readable over IMAP with the full address as login and
 * password. It keeps mail in memory: fine for trying coloc out, not for production. Bounces (null sender) are
 * accepted and mail is held with its final line break, see {@link BuiltInMailServer}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LocalMailbox {

    private static final Logger LOG = Logger.getLogger(LocalMailbox.class.getName());

    @Inject
    ColocConfig config;

    private GreenMail greenMail;

    @PostConstruct
    void start() {
        if (!isWanted()) {
            return;
        }
        String address = config.colocAddress();
        int smtpPort = smtpPort();
        int imapPort = imapPort();
        greenMail = new BuiltInMailServer(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
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
        return config.optional("coloc.imap.host").isEmpty();
    }

    public int smtpPort() {
        return config.integer("coloc.local-mailbox.smtp-port");
    }

    public int imapPort() {
        return config.integer("coloc.local-mailbox.imap-port");
    }
}
