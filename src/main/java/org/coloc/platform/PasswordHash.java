package org.coloc.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** A salted PBKDF2 hash of a secret: what we keep instead of the secret itself. Pure code. */
public final class PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 60_000;

    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    public static PasswordHash of(char[] secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, derive(secret, salt));
    }

    public boolean matches(char[] candidate) {
        return MessageDigest.isEqual(hash, derive(candidate, salt));
    }

    /** A random secret fit to be typed or pasted: 24 URL-safe characters. */
    public static String randomSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] derive(char[] secret, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret, salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        }
    }
}
