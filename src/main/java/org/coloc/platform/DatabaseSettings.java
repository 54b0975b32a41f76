package org.coloc.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which database: embedded Derby in {@code derbyDatabase}, or the JDBC {@code url} (with user and password)
 * when one is set.
 */
public record DatabaseSettings(Path derbyDatabase, Optional<String> url, Optional<String> user,
        Optional<String> password) {

    public static final String DERBY_DATABASE = "coloc.derby.database";
    public static final String URL = "coloc.db.url";
    public static final String USER = "coloc.db.user";
    public static final String PASSWORD = "coloc.db.password";

    public static DatabaseSettings read(SettingsReader in) {
        Optional<String> url = in.optional(URL);
        if (url.isPresent() && !url.get().startsWith("jdbc:")) {
            in.problem(SettingsProblem.name(URL) + " must be a JDBC URL such as jdbc:postgresql://host:5432/coloc, not '"
                    + url.get().replaceAll("password=[^&;]*", "password=***") + "'", URL);
        }
        Path derby = Path.of(".");
        if (url.isEmpty()) {
            String name = in.string(DERBY_DATABASE);
            derby = Path.of(name.isEmpty() ? "." : name).toAbsolutePath().normalize();
        }
        return new DatabaseSettings(derby, url, in.optional(USER), in.secret(PASSWORD));
    }
}
