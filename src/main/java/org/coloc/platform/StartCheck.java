package org.coloc.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every setting when the application is deployed, before any of its beans exists (no mailbox watched,
 * no mail sent, no timer set), and refuses the start when one is wrong: the message naming every wrong setting
 * is logged as SEVERE and the process ends with exit code {@value #EXIT_CODE}. The check runs at the first of
 * two moments: when the database is first asked for ({@link ColocDataSource}, while JPA deploys, so a wrong
 * start does not even open the database) and when CDI has validated the deployment (this extension).
 *
 * <p>Ending the process is deliberate: a failed deployment does not stop Payara Micro, which would say "ready"
 * and serve 404 to a service manager that believes all is well. coloc is the only application of its server.
 */
public class StartCheck implements Extension {

    public static final int EXIT_CODE = 78; // EX_CONFIG of sysexits.h: "configuration error"
    private static final Logger LOG = Logger.getLogger(StartCheck.class.getName());

    void check(@Observes AfterDeploymentValidation deployed) {
        verify(ConfigProvider.getConfig(StartCheck.class.getClassLoader()));
    }

    /** Returns when every setting is right; otherwise logs what is wrong and ends the process. */
    static void verify(Config config) {
        List<SettingsProblem> problems = Settings.read(SettingsProducer.from(config)).problems();
        if (problems.isEmpty()) {
            return;
        }
        LOG.severe(SettingsProblem.message(problems));
        refuseStart();
    }

    /**
     * Ends the JVM. {@code System.exit} runs the server's shutdown hooks; should one of them wait for the
     * deployment this thread is still part of, a watchdog halts the JVM anyway.
     */
    private static void refuseStart() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "coloc-start-refused");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(EXIT_CODE);
    }
}
