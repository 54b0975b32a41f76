package org.coloc.comments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;
import org.coloc.comments.entity.CommentOptOut;

/** The addresses that want no comment mail: written once, asked before every comment mail to a reader. */
@Stateless
public class OptOuts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** No comment mail goes to {@code address} any more; saying it twice changes nothing. */
    public void optOut(String address, String via) {
        String key = key(address);
        if (key != null && em.find(CommentOptOut.class, key) == null) {
            em.persist(new CommentOptOut(key, clock.instant(), via));
        }
    }

    public boolean optedOut(String address) {
        String key = key(address);
        return key != null && em.find(CommentOptOut.class, key) != null;
    }

    private static String key(String address) {
        if (address == null || address.isBlank() || address.length() > 254) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
