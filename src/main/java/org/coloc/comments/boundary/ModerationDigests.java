package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.logging.Logger;
import org.coloc.platform.Sweep;

/**
 * The digest of pending comments that got no mail of their own (see {@link Moderation}): looked for every
 * minute by {@link org.coloc.platform.Sweeps}, sent at most once an hour.
 */
@Stateless
public class ModerationDigests implements Sweep {

    private static final Logger LOG = Logger.getLogger(ModerationDigests.class.getName());

    @EJB
    Moderation moderation;

    @Override
    public void sweep() {
        int told = moderation.sendDigest();
        if (told > 0) {
            LOG.info(() -> "Moderation digest sent: " + told + " comments told for the first time");
        }
    }

    @Override
    public String what() {
        return "Comment moderation digest";
    }
}
