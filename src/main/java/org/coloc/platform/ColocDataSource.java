package org.coloc.platform;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's data source, configured from MicroProfile Config when the first connection is asked for
 * (the container creates it before the application's own configuration is readable). Embedded Derby in
 * {@code coloc.derby.database} by default; {@code coloc.db.url} (with user and password) selects another
 * database through its JDBC driver. The first connection brings the schema up to date ({@link SchemaMigrations}).
 */
public class ColocDataSource extends PlainDataSource {

    private static final Logger LOG = Logger.getLogger(ColocDataSource.class.getName());
    /** The container makes several instances (pool, validation); say once where the data goes. */
    private static final java.util.concurrent.atomic.AtomicBoolean ANNOUNCED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Migrations run once per deployment, on the first connection any instance is asked for. */
    private static final Object MIGRATION = new Object();
    private static volatile boolean migrated;

    private volatile DataSource delegate;

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = configure();
                }
                d = delegate;
            }
        }
        migrateOnce(d);
        return d;
    }

    /**
     * The schema is brought up to date before the first connection leaves this class: whoever asks first (JPA at
     * deployment, a timer, the mailbox watcher) waits for the migrations, and nobody sees an old schema.
     */
    private static void migrateOnce(DataSource database) throws SQLException {
        if (migrated) {
            return;
        }
        synchronized (MIGRATION) {
            if (!migrated) {
                try {
                    SchemaMigrations.migrate(database);
                } catch (RuntimeException e) {
                    throw new SQLException("The database schema could not be migrated: " + e.getMessage(), e);
                }
                migrated = true;
            }
        }
    }

    private DataSource configure() {
        Config config = ConfigProvider.getConfig(ColocDataSource.class.getClassLoader());
        StartCheck.verify(config);
        DatabaseSettings settings = DatabaseSettings.read(SettingsProducer.from(config));
        if (settings.url().isPresent()) {
            String url = settings.url().get();
            Properties credentials = new Properties();
            settings.user().ifPresent(u -> credentials.setProperty("user", u));
            settings.password().ifPresent(p -> credentials.setProperty("password", p));
            // drivers packaged in the WAR are not visible to DriverManager: look them up in our own class loader
            Driver driver = null;
            for (Driver d : ServiceLoader.load(Driver.class, ColocDataSource.class.getClassLoader())) {
                try {
                    if (d.acceptsURL(url)) {
                        driver = d;
                        break;
                    }
                } catch (SQLException e) {
                    // not this one
                }
            }
            if (driver == null) {
                throw new IllegalStateException("No JDBC driver for coloc.db.url " + url);
            }
            announce("Database: " + url.replaceAll("password=[^&;]*", "password=***"));
            return new DriverSource(driver, url, credentials);
        }
        String absolute = settings.derbyDatabase().toString();
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(absolute);
        derby.setCreateDatabase("create");
        announce("Database: embedded Derby in " + absolute);
        return derby;
    }

    private static void announce(String message) {
        if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.info(message);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    /** A database reached through its JDBC driver, with the configured credentials. */
    private static final class DriverSource extends PlainDataSource {

        private final Driver driver;
        private final String url;
        private final Properties credentials;

        DriverSource(Driver driver, String url, Properties credentials) {
            this.driver = driver;
            this.url = url;
            this.credentials = credentials;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return driver.connect(url, credentials);
        }
    }
}
