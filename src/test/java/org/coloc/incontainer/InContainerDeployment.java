package org.coloc.incontainer;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR as it is shipped (target/coloc.war, built by {@code mvn package}), plus the in-container test classes
 * and a settings jar: a {@code META-INF/microprofile-config.properties} of a higher ordinal than the WAR's own,
 * so each test class runs on its own in-memory Derby and free ports for the built-in mailbox, without a test-only
 * branch in the application and whatever {@code COLOC_*} variables the machine has.
 */
final class InContainerDeployment {

    private InContainerDeployment() {
    }

    /**
     * @param name     names the archive and the in-memory database (one per test class)
     * @param settings MicroProfile Config keys that differ from the defaults for this test class
     * @param classes  the test's own helpers deployed with it (the test class itself is added by Arquillian)
     */
    static WebArchive of(String name, Map<String, String> settings, Class<?>... classes) {
        File war = new File(System.getProperty("coloc.war", "target/coloc.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: the in-container tests deploy the packaged WAR "
                    + "(run them through mvn verify)");
        }
        Map<String, String> all = new LinkedHashMap<>();
        // above the WAR's own file (100), system properties (400) and environment variables (300)
        all.put("config_ordinal", "500");
        all.put("coloc.db.url", "jdbc:derby:memory:" + name + ";create=true");
        all.put("coloc.data.dir", Path.of("target", "incontainer", name).toAbsolutePath().toString());
        all.put("coloc.admin.password", "incontainer-secret");
        all.put("coloc.local-mailbox.smtp-port", Integer.toString(freePort()));
        all.put("coloc.local-mailbox.imap-port", Integer.toString(freePort()));
        all.putAll(settings);
        JavaArchive settingsJar = ShrinkWrap.create(JavaArchive.class, "incontainer-settings.jar")
                .addAsManifestResource(new StringAsset(properties(all)), "microprofile-config.properties");
        return ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(war).as(WebArchive.class)
                .addAsLibrary(settingsJar)
                .addClasses(InContainerDeployment.class, Tables.class, TestMails.class, TestClock.class,
                        Transactions.class, Transactions.Work.class, Http.class, BlogRows.class)
                .addClasses(classes);
    }

    /** A port nothing listens on right now (for the built-in mailbox, or as an SMTP server that is down). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String properties(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter out = new StringWriter();
        try {
            p.store(out, "in-container test settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
