package org.coloc.maintenance.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Caching of the public list and feeds: a strong ETag that is a digest of the bytes sent (so it changes exactly
 * when what a reader sees changes, whatever changed in the database), and the If-None-Match test (RFC 9110
 * §13.1.2: weak comparison, {@code *} matches). Pure code.
 */
public final class ConditionalGet {

    /** Public and short: a feed reader or a proxy may keep it five minutes, then asks again with If-None-Match. */
    public static final String CACHE_CONTROL = "public, max-age=300";

    private ConditionalGet() {
    }

    /** {@code "<base64url of the first 16 bytes of SHA-256>"}. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the client's If-None-Match names this ETag: then 304 Not Modified, without a body. */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || opaque(t).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
