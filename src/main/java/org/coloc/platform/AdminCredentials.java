package org.coloc.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The admin's password, kept only as a salted hash. When {@code COLOC_ADMIN_PASSWORD} is unset (dev), a
 * password is generated and printed once at start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdminCredentials {

    public static final String ADMIN_USER = "admin";
    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

    @Inject
    ColocSettings coloc;

    private PasswordHash adminHash;
    // PBKDF2 costs milliseconds on purpose; remember verified credentials by a keyed digest (never the password)
    private final byte[] cacheKey = new byte[32];
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        Optional<String> configured = coloc.adminPassword();
        String password = configured.orElseGet(PasswordHash::randomSecret);
        adminHash = PasswordHash.of(password.toCharArray());
        new SecureRandom().nextBytes(cacheKey);
        if (configured.isEmpty()) {
            LOG.warning(() -> "\n\n  No COLOC_ADMIN_PASSWORD set: generated admin password for this run: " + password
                    + "\n  (user: admin; set COLOC_ADMIN_PASSWORD to choose one)\n");
        }
    }

    public boolean verify(String user, String password) {
        if (!ADMIN_USER.equals(user) || password == null) {
            return false;
        }
        String key = digest(user + '\0' + password);
        if (verified.contains(key)) {
            return true;
        }
        boolean ok = adminHash.matches(password.toCharArray());
        if (ok && verified.size() < 16) {
            verified.add(key);
        }
        return ok;
    }

    private String digest(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(cacheKey);
            return Base64.getEncoder().encodeToString(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
