package org.coloc.outbox.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.coloc.outbox.control.OutgoingIds;
import org.coloc.platform.AppSecrets;
import org.coloc.platform.ColocSettings;

/**
 * Our keyed Message-IDs ({@link OutgoingIds}) for whoever needs them: the outbox, which gives every mail about
 * a case one; the threading of incoming mail, which recognises them. Made once, from the application's own
 * secret (made on first use) and the coloc address's domain.
 */
@ApplicationScoped
public class OurMessageIds {

    @EJB
    AppSecrets secrets;

    @Inject
    ColocSettings coloc;

    private volatile OutgoingIds ids;

    @Produces
    public OutgoingIds outgoingIds() {
        OutgoingIds made = ids;
        if (made == null) {
            synchronized (this) {
                if (ids == null) {
                    String address = coloc.address();
                    ids = new OutgoingIds(secrets.get("outgoing-message-ids"),
                            address.substring(address.indexOf('@') + 1));
                }
                made = ids;
            }
        }
        return made;
    }
}
