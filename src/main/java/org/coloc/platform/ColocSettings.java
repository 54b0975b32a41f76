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
 */
public record ColocSettings(String address, Optional<String> adminEmail, String adminLanguage,
        Optional<String> adminPassword, ZoneId timezone, Path dataDir, boolean clockControl) {

    public static final String ADDRESS = "coloc.address";
    public static final String ADMIN_EMAIL = "coloc.admin.email";
    public static final String ADMIN_LANGUAGE = "coloc.admin.language";
    public static final String ADMIN_PASSWORD = "coloc.admin.password";
    public static final String TIMEZONE = "coloc.timezone";
    public static final String DATA_DIR = "coloc.data.dir";
    public static final String CLOCK_CONTROL = "coloc.clock-control";

    public static ColocSettings read(SettingsReader in) {
        String language = in.string(ADMIN_LANGUAGE).toLowerCase(java.util.Locale.ROOT);
        if (!language.isEmpty() && !language.equals("fr") && !language.equals("en")) {
            in.problem(SettingsProblem.name(ADMIN_LANGUAGE) + " must be fr or en, not '" + language + "'",
                    ADMIN_LANGUAGE);
        }
        String dir = in.string(DATA_DIR);
        return new ColocSettings(in.address(ADDRESS), in.optionalAddress(ADMIN_EMAIL), language,
                in.optional(ADMIN_PASSWORD), in.zone(TIMEZONE), Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath()
                        .normalize(), in.bool(CLOCK_CONTROL));
    }

    /** Where the admin's reports go: his own address, else the coloc address. */
    public String adminReportAddress() {
        return adminEmail.orElse(address);
    }
}
