package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.coloc.comments.control.CommentSettings;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.platform.ColocBean;

/**
 * What the comment beans that write mail ({@link Moderation}, {@link CommentNotifications}) work with besides the
 * database, clock and coloc settings: the comment settings, the signed links, and the outbox every mail goes
 * through. Each bean injects what only it needs.
 */
abstract class CommentBean extends ColocBean {

    @Inject
    CommentSettings settings;

    @Inject
    CommentLinks links;

    @EJB
    Outbox outbox;
}
