package org.coloc.comments.control;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;

/**
 * How the blog's comments by mail work.
 *
 * @param address the mailbox readers write to; a post's address is its plus-address ({@code coloc+<slug>@…})
 * @param plusDelimiter what separates the mailbox from the post's slug ({@code +}, as Dovecot and Postfix default)
 * @param blogOrigin the blog's origin ({@code https://blog.example.org}): the one origin the public comment API
 *        answers cross-origin requests from; empty: none
 * @param autoApproveAfter a sender with this many published comments is published at once; 0: never
 * @param maxPerHour comments taken per sender and hour before the rest wait, flagged, for the admin
 * @param maxChars longest comment taken; a longer one is refused by mail
 * @param linkDays how long the admin's signed moderation links work
 * @param digestAfter more pending comments than this make one digest mail instead of one mail each
 */
public record CommentSettings(String address, String plusDelimiter, Optional<String> blogOrigin,
        int autoApproveAfter, int maxPerHour, int maxChars, int linkDays, int digestAfter) {

    public static final String ADDRESS = "coloc.comments.address";
    public static final String PLUS_DELIMITER = "coloc.comments.plus-delimiter";
    public static final String BLOG_ORIGIN = "coloc.comments.blog-origin";
    public static final String AUTO_APPROVE_AFTER = "coloc.comments.auto-approve-after";
    public static final String MAX_PER_HOUR = "coloc.comments.max-per-hour";
    public static final String MAX_CHARS = "coloc.comments.max-chars";
    public static final String LINK_DAYS = "coloc.comments.link-days";
    public static final String DIGEST_AFTER = "coloc.comments.digest-after";

    /** @param colocAddress the default of {@link #address} */
    public static CommentSettings read(SettingsReader in, String colocAddress) {
        String address = in.optionalAddress(ADDRESS).orElse(colocAddress).toLowerCase(Locale.ROOT);
        String delimiter = in.optional(PLUS_DELIMITER).orElse("+");
        if (delimiter.length() != 1 || !"+-_=".contains(delimiter)) {
            in.problem(SettingsProblem.name(PLUS_DELIMITER) + " must be one of + - _ =, not '" + delimiter + "'",
                    PLUS_DELIMITER);
        }
        Optional<String> origin = in.optional(BLOG_ORIGIN).map(String::strip).filter(o -> !o.isEmpty());
        if (origin.isPresent() && !isOrigin(origin.get())) {
            in.problem(SettingsProblem.name(BLOG_ORIGIN) + " must be an origin such as https://blog.example.org "
                    + "(scheme, host and port only), not '" + origin.get() + "'", BLOG_ORIGIN);
        }
        return new CommentSettings(address, delimiter, origin, in.integer(AUTO_APPROVE_AFTER, 0, 1_000_000),
                in.integer(MAX_PER_HOUR, 1, 1_000_000), in.integer(MAX_CHARS, 100, 20_000),
                in.integer(LINK_DAYS, 1, 365), in.integer(DIGEST_AFTER, 1, 1000));
    }

    /** The address of a post: {@code coloc+<slug>@domain}. */
    public String postAddress(String slug) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + plusDelimiter + slug + address.substring(at);
    }

    static boolean isOrigin(String text) {
        try {
            URI u = new URI(text);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && u.getRawUserInfo() == null && (u.getRawPath() == null || u.getRawPath().isEmpty())
                    && u.getRawQuery() == null && u.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
