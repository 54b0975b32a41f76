package org.coloc.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What every area shares: the coloc address, the admin (his address, language, password), where the collective
 * lives (time zone) and where the data lives.
 *
 * @param address the coloc address: where people write, and the From of everything coloc sends
 * @param adminEmail the admin's own address, if configured (his reports go to the coloc address otherwise)
 * @param adminLanguage {@code fr} or {@code en}: the language of the admin's reports
 * @param adminPassword unset in development: a password is then generated at start
 * @param timezone where the collective lives: "today", reminders, the daily report
 * @param dataDir the data directory, absolute
 * @param clockControl tests only: {@code POST /api/clock} may move the application's clock
 * @param publicUrl where people reach the application from outside ({@code https://coloc.example.org}, no
 *        trailing slash): the base of every link in a mail (moderation, unsubscribe)
 */
public record ColocSettings(String address, Optional<String> adminEmail, String adminLanguage,
        Optional<String> adminPassword, ZoneId timezone, Path dataDir, boolean clockControl, String publicUrl) {

    public static final String ADDRESS = "coloc.address";
    public static final String ADMIN_EMAIL = "coloc.admin.email";
    public static final String ADMIN_LANGUAGE = "coloc.admin.language";
    public static final String ADMIN_PASSWORD = "coloc.admin.password";
    public static final String TIMEZONE = "coloc.timezone";
    public static final String DATA_DIR = "coloc.data.dir";
    public static final String CLOCK_CONTROL = "coloc.clock-control";
    public static final String PUBLIC_URL = "coloc.public-url";

    public static ColocSettings read(SettingsReader in) {
        String language = in.string(ADMIN_LANGUAGE).toLowerCase(java.util.Locale.ROOT);
        if (!language.isEmpty() && !language.equals("fr") && !language.equals("en")) {
            in.problem(SettingsProblem.name(ADMIN_LANGUAGE) + " must be fr or en, not '" + language + "'",
                    ADMIN_LANGUAGE);
        }
        String dir = in.string(DATA_DIR);
        return new ColocSettings(in.address(ADDRESS), in.optionalAddress(ADMIN_EMAIL), language,
                in.optional(ADMIN_PASSWORD), in.zone(TIMEZONE), Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath()
                        .normalize(), in.bool(CLOCK_CONTROL), publicUrl(in));
    }

    /**
     * An absolute http(s) URL without query or fragment; plain http only for a loopback host (development):
     * the links in our mails, one-click unsubscription above all (RFC 8058), must not travel in clear.
     */
    private static String publicUrl(SettingsReader in) {
        String text = in.string(PUBLIC_URL).strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        java.net.URI u = null;
        try {
            u = new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        boolean loopback = u != null && u.getHost() != null && (u.getHost().equals("localhost")
                || u.getHost().startsWith("127.") || u.getHost().equals("[::1]"));
        if (u == null || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null
                || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()) && loopback)) {
            in.problem(SettingsProblem.name(PUBLIC_URL) + " must be an https:// URL such as https://coloc.example.org "
                    + "(http:// only for localhost), not '" + text + "'", PUBLIC_URL);
        }
        return text;
    }

    /** Where the admin's reports go: his own address, else the coloc address. */
    public String adminReportAddress() {
        return adminEmail.orElse(address);
    }
}
