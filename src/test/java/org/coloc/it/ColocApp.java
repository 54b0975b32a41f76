package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system tests' fixture, a JUnit 5 extension: one application for the test class, as it runs in production
 * (a {@link ColocServer} with its own data directory under target/), with the mail servers it talks to, started
 * before the first test and stopped after the last one, also when a start fails half-way.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ColocApp app = ColocApp.named("cases").withMailServer().withRelay()
 *         .set("COLOC_ADMIN_EMAIL", "owner@coloc.test");
 * static final Api api = app.api();
 * static final TestMailServer mail = app.mail();
 * </pre>
 *
 * The {@link Api} it hands out follows the server across restarts (each start takes a new free port).
 */
public final class ColocApp implements BeforeAllCallback, AfterAllCallback {

    /** How long a test waits by default for a mail to arrive. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /** Something a test prepares before the application starts, e.g. a database. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String name;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private TestMailServer mail;
    private TestMailServer relay;
    private boolean startWithClass = true;
    private Step beforeStart = () -> { };
    private Step afterStop = () -> { };
    private ColocServer server;

    private ColocApp(String name) {
        this.name = name;
    }

    /** {@code name} names its logs (target/it-logs/&lt;name&gt;-N.log) and its data directory. */
    public static ColocApp named(String name) {
        return new ColocApp(name);
    }

    /** Mail comes in over IMAP from a test mail server, and goes out through its SMTP unless there is a relay. */
    public ColocApp withMailServer() {
        mail = newMailServer();
        return this;
    }

    /**
     * Outgoing mail goes through a second SMTP server, which a test can stop without stopping IMAP; a failed
     * send is retried within 2 s, so that a test which restarts the relay sees the mail soon after.
     */
    public ColocApp withRelay() {
        relay = newMailServer();
        return set("COLOC_OUTBOX_MAX_RETRY_SECONDS", "2");
    }

    /**
     * No mail server configured: the application runs its built-in mailbox, on free ports (see
     * {@link #localSmtpPort()}, {@link #localImapPort()}).
     */
    public ColocApp withBuiltInMailbox() {
        set("COLOC_ADDRESS", TestMailServer.COLOC);
        set("COLOC_LOCAL_MAILBOX_SMTP_PORT", Integer.toString(freePort()));
        return set("COLOC_LOCAL_MAILBOX_IMAP_PORT", Integer.toString(freePort()));
    }

    /** The admin's address ({@code COLOC_ADMIN_EMAIL}): where reports go, and whose mail answers a case. */
    public ColocApp withAdmin(String address) {
        return set("COLOC_ADMIN_EMAIL", address);
    }

    /** The test may move the application's clock forward over {@code /api/clock} ({@code COLOC_CLOCK_CONTROL}). */
    public ColocApp withClockControl() {
        return set("COLOC_CLOCK_CONTROL", "true");
    }

    /** A setting, as an environment variable of the server (also one set before a restart applies at the next). */
    public ColocApp set(String variable, String value) {
        settings.put(variable, value);
        if (server != null) {
            server.set(variable, value);
        }
        return this;
    }

    /** The test starts the application itself (e.g. after filling the mailbox); it is still stopped after the class. */
    public ColocApp startedByTest() {
        startWithClass = false;
        return this;
    }

    /** Runs after the mail servers started and before the application starts; settings made there apply. */
    public ColocApp beforeStart(Step step) {
        beforeStart = step;
        return this;
    }

    /** Runs after the application and the mail servers stopped, e.g. to stop a database. */
    public ColocApp afterStop(Step step) {
        afterStop = step;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            if (mail != null) {
                mail.start();
            }
            if (relay != null) {
                relay.start();
            }
            beforeStart.run();
            server = another(name, mail);
            if (startWithClass) {
                server.start();
            }
        } catch (Exception | Error e) {
            // JUnit calls afterAll anyway; stopping here too keeps nothing running whatever the JUnit version
            stopAll(e);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Throwable failure = stopAll(null);
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops everything that runs, each even when another fails to stop; answers the first failure. */
    private Throwable stopAll(Throwable first) {
        Throwable failure = first;
        for (Step step : List.<Step>of(() -> {
            if (server != null) {
                server.stop();
            }
        }, () -> {
            if (mail != null) {
                mail.stop();
            }
        }, () -> {
            if (relay != null) {
                relay.stop();
            }
        }, afterStop)) {
            try {
                step.run();
            } catch (Exception | Error e) {
                if (failure == null) {
                    failure = e;
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        afterStop = () -> { };
        return failure;
    }

    /**
     * Another instance with the same settings (e.g. on the same database) reading {@code mailbox}; the test
     * starts and stops it.
     */
    public ColocServer another(String instanceName, TestMailServer mailbox) throws IOException {
        ColocServer s = new ColocServer(instanceName, Files.createTempDirectory(Path.of("target"),
                instanceName + "-it-"));
        if (mailbox != null) {
            s.mailbox(mailbox);
        }
        if (relay != null) {
            s.smtpRelay(relay);
        }
        settings.forEach(s::set);
        return s;
    }

    /** The admin's client; it follows the server across restarts. */
    public Api api() {
        return new Api(() -> server().baseUrl(), "admin", ColocServer.ADMIN_PASSWORD);
    }

    public ColocServer server() {
        if (server == null) {
            throw new IllegalStateException("the application of " + name + " is not set up yet");
        }
        return server;
    }

    /** The mail server the application reads (null without {@link #withMailServer()}). */
    public TestMailServer mail() {
        return mail;
    }

    /** The SMTP server the application sends through (null without {@link #withRelay()}). */
    public TestMailServer relay() {
        return relay;
    }

    public void start() throws IOException, InterruptedException {
        server().start();
    }

    public void stop() throws InterruptedException {
        server().stop();
    }

    public void kill() throws InterruptedException {
        server().kill();
    }

    public String logText() throws IOException {
        return server().logText();
    }

    public String baseUrl() {
        return server().baseUrl();
    }

    public Path dataDir() {
        return server().dataDir();
    }

    public int localSmtpPort() {
        return Integer.parseInt(settings.get("COLOC_LOCAL_MAILBOX_SMTP_PORT"));
    }

    public int localImapPort() {
        return Integer.parseInt(settings.get("COLOC_LOCAL_MAILBOX_IMAP_PORT"));
    }

    /**
     * Waits until at least {@code count} mails went out to {@code address} (through the relay, or the mail
     * server without one) and answers them all, oldest first; fails the test after {@link #WAIT}.
     */
    public List<MimeMessage> awaitMail(String address, int count) throws MessagingException, InterruptedException {
        return awaitMail(address, count, WAIT);
    }

    public List<MimeMessage> awaitMail(String address, int count, Duration timeout)
            throws MessagingException, InterruptedException {
        return (relay != null ? relay : mail).awaitReceived(address, count, timeout);
    }

    /** A mail from {@code from} arrives for the coloc address over SMTP (at the mail server the application reads). */
    public void send(byte[] raw, String from) throws MessagingException {
        mail.send(raw, from, TestMailServer.COLOC);
    }

    /**
     * {@code from} mails coloc the {@code request} that opens case {@code caseNumber}, and gets its acknowledgement:
     * the first mail sent to {@code from}, tagged with the case, marked as an automatic reply. Answers it.
     */
    public MimeMessage acknowledgementOf(int caseNumber, byte[] request, String from)
            throws MessagingException, InterruptedException {
        send(request, from);
        MimeMessage ack = awaitMail(from, 1).get(0);
        assertTrue(ack.getSubject().startsWith("[coloc #" + caseNumber + "]"), ack.getSubject());
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
        return ack;
    }

    /** The mails the application sent to {@code address} so far (through the relay, or the mail server without one). */
    public List<MimeMessage> sentTo(String address) throws MessagingException {
        return (relay != null ? relay : mail).receivedBy(address);
    }

    /** Moves the application's clock forward by an ISO-8601 duration ({@link #withClockControl}). */
    public void advanceClock(String by) {
        Api.Reply r = api().post("/api/clock", "{\"advance\": \"" + by + "\"}");
        assertEquals(200, r.status(), r.text());
    }

    /**
     * The one error format: the status, {@code application/problem+json}, the same status in the body and a
     * detail that says something. Answers the problem for more checks.
     */
    public static JsonObject assertProblem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), problem.toString());
        assertFalse(problem.getString("detail", "").isBlank(), "a problem without detail: " + problem);
        return problem;
    }

    private static TestMailServer newMailServer() {
        try {
            return new TestMailServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try {
            return ColocServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
