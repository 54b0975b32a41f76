package org.coloc.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bounds every string that comes from outside before it reaches a column of fixed length. Mail is written
 * by strangers: a Message-ID of 1,200 characters or an address of 300 is legal enough to arrive, and must
 * neither break the database write (a truncation error quarantines a good mail) nor be silently cut in a
 * way that makes two different values equal.
 */
public final class Bounded {

    /** Length of a {@link #key} hash suffix: "#" and 64 hex digits. */
    static final int HASH_SUFFIX = 65;

    private Bounded() {
    }

    /**
     * Free text for display (a subject, a display name, an error message): cut to at most {@code max}
     * characters, never splitting a surrogate pair, with an ellipsis when something was cut.
     */
    public static String text(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        if (max < 2) {
            return value.substring(0, Math.max(0, max));
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    /**
     * An identifier looked up by equality (a Message-ID, an address used as a key): unchanged when it
     * fits, else a prefix plus a SHA-256 of the whole value, so it still fits, stays unique, and the same
     * long value always gives the same key. Callers compare keys made by this method, never raw values.
     */
    public static String key(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        if (max <= HASH_SUFFIX) {
            throw new IllegalArgumentException("a bounded key needs more than " + HASH_SUFFIX + " characters");
        }
        String prefix = value.substring(0, max - HASH_SUFFIX);
        if (!prefix.isEmpty() && Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "#" + sha256(value);
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
