package org.coloc.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database's schema to the version this build expects, with Flyway, before anything else uses it
 * ({@link ColocDataSource} calls it on its first connection, so JPA, timers and the mailbox watcher only ever see
 * a migrated schema). Scripts live in {@code db/migration} (valid on Derby and PostgreSQL) plus
 * {@code db/migration-derby} or {@code db/migration-postgresql} for what cannot be written once; the baseline is
 * version 1 (common) and 1.1 (per database), version 2 is {@link MissingIndexes}. A database made before issue 9
 * (tables, no history table) is taken as version {@value #BASELINE}.
 * Flyway's lock (a table lock on Derby, an advisory lock on PostgreSQL) lets two instances start at once.
 */
public final class SchemaMigrations {

    /** The common location; every database also gets {@code db/migration-<vendor>}. */
    static final String COMMON = "classpath:db/migration";

    /**
     * The version a database made before issue 9 stands at: both parts of the baseline, the common V1 and the
     * per-database V1.1, describe the schema it already has.
     */
    static final String BASELINE = "1.1";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * The short name of the database behind a JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}),
     * which names its own migration folder.
     *
     * @throws IllegalStateException for a database coloc has no migrations for
     */
    static String vendor(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("derby")) {
            return "derby";
        }
        if (p.contains("postgresql")) {
            return "postgresql";
        }
        throw new IllegalStateException("coloc's schema migrations exist for Apache Derby and PostgreSQL only, not for "
                + productName + " (coloc.db.url)");
    }

    /** Where Flyway looks for the scripts of this database. */
    static List<String> locations(String vendor) {
        return List.of(COMMON, COMMON + "-" + vendor);
    }

    /** Flyway as coloc runs it, on the given database. */
    static Flyway flyway(DataSource dataSource, String vendor) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                // Flyway would otherwise pick SLF4J (in the WAR for GreenMail, without a binding: nothing logged)
                .loggers(FlywayLog.class.getName())
                .dataSource(dataSource)
                .locations(locations(vendor).toArray(String[]::new))
                .javaMigrations(new MissingIndexes())
                // a database made before issue 9 has the tables of versions 1 and 1.1 but no history: baseline,
                // then upgrade
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .baselineDescription("schema made by EclipseLink before issue 9")
                // nobody should wipe a mail archive by a configuration slip
                .cleanDisabled(true)
                .load();
    }

    /** Attempts before a migration failure is final. */
    static final int ATTEMPTS = 3;

    /**
     * Flyway decides whether to create its history table or to baseline before it takes its lock: an instance
     * starting while another one is migrating the same database may decide on an outdated view and fail ("unable
     * to baseline … already contains migrations"). Tried again, it sees the history and waits for the lock. A
     * migration that is wrong fails every time, and the last failure is thrown.
     */
    static MigrateResult migrateRacingOthers(Flyway flyway) {
        for (int attempt = 1; ; attempt++) {
            try {
                return flyway.migrate();
            } catch (FlywayException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.info(() -> "Schema migration attempt failed (" + e.getMessage() + "); attempt " + next + " of "
                        + ATTEMPTS + " in a second, in case another instance was migrating");
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Migrates the database to the latest version; a migration that keeps failing stops it with Flyway's message. */
    static MigrateResult migrate(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        String vendor = vendor(product);
        MigrateResult result = migrateRacingOthers(flyway(dataSource, vendor));
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + vendor + ", " + result.migrationsExecuted
                + " migration(s) applied at this start)");
        return result;
    }
}
