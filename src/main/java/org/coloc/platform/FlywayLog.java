package org.coloc.platform;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log into java.util.logging, hence into the server log (named by class in {@link SchemaMigrations}'s
 * configuration: Flyway instantiates it). Left to itself Flyway would pick SLF4J, which is in the WAR for GreenMail
 * without a binding, and log nothing.
 */
public final class FlywayLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isLoggable(Level.FINE);
            }

            @Override
            public void debug(String message) {
                logger.fine(message);
            }

            @Override
            public void info(String message) {
                logger.info(message);
            }

            @Override
            public void notice(String message) {
                logger.info(message);
            }

            @Override
            public void warn(String message) {
                logger.log(levelOfWarning(message), message);
            }

            @Override
            public void error(String message) {
                logger.severe(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.SEVERE, message, e);
            }
        };
    }

    /**
     * The level a Flyway warning is logged at. Flyway warns at every start that Derby 10.16 is newer than the
     * 10.15 it was verified with; 10.16 is the last Derby for Java 17 and the one these migrations are tested
     * on, so that one is information, not something for an admin to act on.
     */
    static Level levelOfWarning(String message) {
        return message != null && message.contains("newer than the version Flyway has been verified with")
                ? Level.INFO : Level.WARNING;
    }
}
