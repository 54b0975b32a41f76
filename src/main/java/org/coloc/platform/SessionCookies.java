package org.coloc.platform;

/**
 * The dashboard's session cookie as a {@code Set-Cookie} value, written by hand: {@code SameSite} has no setter in
 * every servlet container's cookie class, and the whole attribute list is then visible in one place. Pure code.
 *
 * <p>{@code HttpOnly}: page scripts never read it (the CSRF token is what they hold). {@code SameSite=Strict}: no
 * other site's page makes the browser send it. {@code Path=/}: the dashboard under /admin/ and the API under /api
 * both see it. {@code Secure} when the browser reached us over HTTPS, so that a proxy publishing coloc over HTTPS
 * never lets the cookie travel in clear; plain http on 127.0.0.1 (development) still works. No {@code Max-Age}:
 * a browser session cookie, the server ends it after the idle time anyway.
 */
public final class SessionCookies {

    private SessionCookies() {
    }

    /**
     * HTTPS as the browser saw it: the connection itself, or {@code X-Forwarded-Proto: https} from a trusted proxy
     * (from anybody else the header is ignored, as {@code X-Forwarded-For} is).
     */
    public static boolean overHttps(boolean requestSecure, String remoteAddress, String forwardedProto,
            ClientAddress.TrustedProxies proxies) {
        if (requestSecure) {
            return true;
        }
        if (forwardedProto == null || !proxies.contains(remoteAddress)) {
            return false;
        }
        // a chain of proxies may list several; the first is what the browser used
        String first = forwardedProto.split(",")[0].trim();
        return first.equalsIgnoreCase("https");
    }

    public static String session(String value, boolean secure) {
        return ApiAuthentication.SESSION_COOKIE + "=" + value + attributes(secure);
    }

    /** Tells the browser to forget the cookie (logout). */
    public static String ended(boolean secure) {
        return ApiAuthentication.SESSION_COOKIE + "=; Max-Age=0" + attributes(secure);
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
