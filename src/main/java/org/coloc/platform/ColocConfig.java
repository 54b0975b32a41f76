package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * String lookups in MicroProfile Config, still used by {@code cases} and {@code outbox} (issue 9 moves them to
 * {@code CaseSettings}, {@code SmtpSettings} and {@code OutboxSettings} after the merge, then this class goes).
 * Everything else injects its area's settings record, read once and checked at start ({@link Settings}).
 */
@ApplicationScoped
public class ColocConfig {

    @Inject
    Config config;

    public String string(String key) {
        return config.getValue(key, String.class);
    }

    /** Empty values count as absent (MicroProfile Config treats "" as not set). */
    public Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int integer(String key) {
        return config.getValue(key, Integer.class);
    }

    public long longValue(String key) {
        return config.getValue(key, Long.class);
    }

    public boolean bool(String key) {
        return config.getValue(key, Boolean.class);
    }

    /** The coloc address: where people write, and the From of everything we send. */
    public String colocAddress() {
        return string("coloc.address");
    }

    /** Directory holding the database; outside target/ so {@code mvn clean} never deletes mail. */
    public Path dataDir() {
        return Path.of(string("coloc.data.dir")).toAbsolutePath().normalize();
    }
}
