package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.coloc.comments.control.CommentSettings;
import org.coloc.comments.control.ModerationMails;
import org.coloc.comments.control.ReaderNotifications;
import org.coloc.comments.control.SignedLinks;
import org.coloc.platform.AppSecrets;
import org.coloc.platform.ColocSettings;

/**
 * The signed links of comment mails, made once from the application's own key ({@code comment-links}, made on
 * first use and kept in the database, so every instance signs and checks alike), and the two mail writers that
 * put them in mails.
 */
@ApplicationScoped
public class CommentLinks {

    /** The key's name in {@code APP_SECRET}. */
    static final String KEY = "comment-links";
    /**
     * How long an unsubscribe link works: a notification sits in a mailbox for months before its reader has had
     * enough, and all the link can ever do is stop mail to the address it names, so a long life costs little;
     * bounded all the same, so that a link leaked today is not a standing order forever.
     */
    static final Duration UNSUBSCRIBE_LIFE = Duration.ofDays(365);

    @EJB
    AppSecrets secrets;

    @Inject
    ColocSettings coloc;

    @Inject
    CommentSettings settings;

    private volatile SignedLinks links;

    public SignedLinks links() {
        SignedLinks made = links;
        if (made == null) {
            synchronized (this) {
                if (links == null) {
                    links = new SignedLinks(secrets.get(KEY));
                }
                made = links;
            }
        }
        return made;
    }

    public ModerationMails moderationMails() {
        return new ModerationMails(links(), coloc.publicUrl(), Duration.ofDays(settings.linkDays()), coloc.timezone());
    }

    public ReaderNotifications readerNotifications() {
        return new ReaderNotifications(links(), coloc.publicUrl(),
                "mailto:" + settings.postAddress("unsubscribe") + "?subject=unsubscribe", UNSUBSCRIBE_LIFE);
    }

    /** The language of the admin's mails and pages. */
    public String adminLanguage() {
        return coloc.adminLanguage();
    }
}
