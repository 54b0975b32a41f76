package org.coloc.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets the application generates for itself (e.g. the key of our outgoing Message-IDs). */
@Stateless
public class AppSecrets {

    @PersistenceContext
    EntityManager em;

    /** The named secret, made on first use. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] get(String name) {
        AppSecret s = em.find(AppSecret.class, name);
        if (s == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            s = new AppSecret(name, Base64.getEncoder().encodeToString(key));
            em.persist(s);
        }
        return Base64.getDecoder().decode(s.getValue());
    }
}
