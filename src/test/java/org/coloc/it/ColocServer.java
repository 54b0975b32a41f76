package org.coloc.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as it runs in production: Payara Micro started from its jar with the project's
 * server-config and the built WAR, on 127.0.0.1 and a free port, configured through COLOC_* environment
 * variables. Tests talk to it over HTTP like any client; they can stop it cleanly or kill -9 it.
 */
public final class ColocServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-secret";

    private final String name;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> options = new ArrayList<>();
    private final Path dataDir;
    private Process process;
    private int port;
    private Path log;
    private int starts;

    public ColocServer(String name, Path dataDir) {
        this.name = name;
        this.dataDir = dataDir;
        env.put("COLOC_DATA_DIR", dataDir.toString());
        env.put("COLOC_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("COLOC_IMAP_POLL_INTERVAL_SECONDS", "2");
        env.put("COLOC_IMAP_RECONNECT_MAX_SECONDS", "2");
    }

    /** Points the intake at a test mail server (plain IMAP on loopback). */
    public ColocServer mailbox(TestMailServer mail) {
        env.put("COLOC_ADDRESS", TestMailServer.COLOC);
        env.put("COLOC_IMAP_HOST", "127.0.0.1");
        env.put("COLOC_IMAP_PORT", Integer.toString(mail.imapPort()));
        env.put("COLOC_IMAP_TLS", "none");
        env.put("COLOC_IMAP_USER", TestMailServer.COLOC);
        env.put("COLOC_IMAP_PASSWORD", TestMailServer.COLOC);
        env.put("COLOC_SMTP_HOST", "127.0.0.1");
        env.put("COLOC_SMTP_PORT", Integer.toString(mail.smtpPort()));
        env.put("COLOC_SMTP_TLS", "none");
        return this;
    }

    /** Outgoing mail goes to this server instead (so a test can stop SMTP without stopping IMAP). */
    public ColocServer smtpRelay(TestMailServer relay) {
        env.put("COLOC_SMTP_PORT", Integer.toString(relay.smtpPort()));
        return this;
    }

    /** More Payara Micro command line options, e.g. {@code --rootdir DIR}. */
    public ColocServer option(String... words) {
        options.addAll(List.of(words));
        return this;
    }

    public ColocServer set(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    public void start() throws IOException, InterruptedException {
        port = freePort();
        Path war = Path.of(System.getProperty("coloc.war", "target/coloc.war"));
        Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        Path config = Path.of(System.getProperty("coloc.server.config", "server-config"));
        Path logs = Path.of("target", "it-logs");
        Files.createDirectories(logs);
        Files.createDirectories(dataDir);
        log = logs.resolve(name + "-" + (++starts) + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", micro.toString(),
                "--nohazelcast",
                "--port", Integer.toString(port),
                "--prebootcommandfile", config.resolve("pre-boot-commands.txt").toString(),
                "--postbootcommandfile", config.resolve("post-boot-commands.txt").toString(),
                "--logproperties", config.resolve("logging.properties").toString(),
                "--systemproperties", config.resolve("system.properties").toString(),
                "--deploy", war.toString(),
                "--contextroot", "/"));
        cmd.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        // a busy shared machine may need longer: -Dcoloc.it.start-seconds=N
        awaitReady(Duration.ofSeconds(Long.getLong("coloc.it.start-seconds", 120)));
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start; see " + log);
            }
            String text = Files.readString(log);
            if (text.contains("ready in")) {
                if (text.contains("SEVERE") && text.contains("deploy")) {
                    throw new IllegalStateException("Deployment failed; see " + log);
                }
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/live"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    /** A clean stop, as an admin would do it (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** kill -9: no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The exit code once the process has ended, waiting for it at most {@code timeout}; empty if it still runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (process == null || !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(process.exitValue());
    }

    public String logText() throws IOException {
        return log == null ? "" : Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
