package org.coloc.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database's schema to the version this build expects, with Flyway, before anything else uses it
 * ({@link ColocDataSource} calls it on its first connection, so JPA, timers and the mailbox watcher only ever see
 * a migrated schema). Scripts live in {@code db/migration} (valid on Derby and PostgreSQL) plus
 * {@code db/migration-derby} or {@code db/migration-postgresql} for what cannot be written once; version 2 is
 * {@link MissingIndexes}. A database made before issue 9 (tables, no history table) is taken as version 1.
 * Flyway's lock (a table lock on Derby, an advisory lock on PostgreSQL) lets two instances start at once.
 */
public final class SchemaMigrations {

    /** The common location; every database also gets {@code db/migration-<vendor>}. */
    static final String COMMON = "classpath:db/migration";

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
                // a database made before issue 9 has the tables of version 1 but no history: baseline, then upgrade
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema made by EclipseLink before issue 9")
                // nobody should wipe a mail archive by a configuration slip
                .cleanDisabled(true)
                .load();
    }

    /** Migrates the database to the latest version; the first failure stops it with Flyway's message. */
    static MigrateResult migrate(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        String vendor = vendor(product);
        MigrateResult result = flyway(dataSource, vendor).migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + vendor + ", " + result.migrationsExecuted
                + " migration(s) applied at this start)");
        return result;
    }
}
