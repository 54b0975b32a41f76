package org.coloc.maintenance.control;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Caching of the public list and feeds: a strong ETag that is a digest of the bytes sent (so it changes exactly
 * when what a reader sees changes, whatever changed in the database), and the If-None-Match test (RFC 9110
 * §13.1.2: weak comparison, {@code *} matches). Pure code, but for the JAX-RS answer the public resources share.
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

    /**
     * A resource's answer to a GET of {@code body}: 304 without it when If-None-Match names its ETag, else 200 with
     * it; both with the ETag and {@code cacheControl}, so that a cache revalidates as it stored.
     */
    public static Response.ResponseBuilder answer(byte[] body, MediaType type, String ifNoneMatch,
            String cacheControl) {
        String etag = etag(body);
        Response.ResponseBuilder response = notModified(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body, type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
