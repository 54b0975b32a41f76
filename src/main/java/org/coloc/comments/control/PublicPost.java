package org.coloc.comments.control;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A post as the public output names it.
 *
 * @param url its page on the blog: only an absolute http(s) URL, else null (nothing else is ever linked)
 * @param language {@code fr} or {@code en}: the language of the embed's words
 * @param open it takes new comments (the embed then says where to write)
 */
public record PublicPost(String slug, String title, String url, String language, boolean open) {

    public PublicPost {
        url = httpUrl(url);
        title = title == null ? slug : title;
    }

    /** Longest slug. */
    public static final int MAX_SLUG = 100;

    /**
     * A slug as posts are named: 1 to 100 lower-case letters, digits and dashes. Anything else names no post (and is
     * never repeated back).
     */
    public static boolean isSlug(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_SLUG) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The URL when it is an absolute http or https URL without user info, else null. */
    static String httpUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    && u.getRawUserInfo() == null ? u.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
