package org.coloc.it;

import static org.coloc.it.ColocApp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application as an attacker on the network sees it: password guessing (directly and through the
 * reverse proxy that publishes the port), forged X-Forwarded-For, what the unauthenticated health and
 * metrics endpoints give away, absurd paging, cross-site form posts, and a revoked token. One server; the
 * tests build on each other in order (the last one locks password logins out for everybody).
 *
 * <p>Every loopback address is this machine: the "reverse proxy" connects from 127.0.0.2 (configured as
 * trusted), a client without a proxy from 127.0.0.3, and the admin's own client from 127.0.0.1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String PROXY = "127.0.0.2";
    private static final String DIRECT = "127.0.0.3";
    private static final int PER_CLIENT = 10;
    private static final int OVERALL = 60;

    @RegisterExtension
    static final ColocApp app = ColocApp.named("security").withMailServer()
            .set("COLOC_AUTH_TRUSTED_PROXIES", PROXY)
            .set("COLOC_AUTH_MAX_FAILURES_PER_CLIENT", Integer.toString(PER_CLIENT))
            .set("COLOC_AUTH_MAX_FAILURES", Integer.toString(OVERALL))
            .set("COLOC_AUTH_FAILURE_WINDOW_SECONDS", "600");
    static final TestMailServer mail = app.mail();
    static final Api api = app.api();

    @Test
    @Order(1)
    void healthAndMetricsTellStrangersNothing() {
        Api anonymous = api.withoutCredentials();
        api.await("/api/health", h -> h.getString("status").equals("UP"), Duration.ofSeconds(60));
        for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
            Api.Reply r = anonymous.get(path);
            assertEquals(200, r.status(), path);
            assertEquals(Json.createObjectBuilder().add("status", "UP").build(), r.json(), path);
            assertNoMailboxDetails(r.text());
        }

        Api.Reply metrics = anonymous.get("/metrics");
        assertEquals(401, metrics.status());
        assertTrue(metrics.contentType().startsWith("application/problem+json"), metrics.contentType());
        assertFalse(metrics.text().contains("# TYPE"), metrics.text());

        Api.Reply adminMetrics = api.get("/metrics");
        assertEquals(200, adminMetrics.status());
        assertTrue(adminMetrics.text().contains("# TYPE"), adminMetrics.text());
        Api script = api.withAuthorization("Bearer " + createToken("monitoring"));
        assertEquals(200, script.get("/metrics").status(), "a monitoring script reads metrics with a token");

        JsonObject details = api.getJson("/api/health");
        String text = details.toString();
        assertTrue(text.contains(TestMailServer.COLOC) && text.contains(Integer.toString(mail.imapPort())), text);
        assertEquals(200, script.get("/api/health").status());
        assertEquals(401, anonymous.get("/api/health").status());
    }

    @Test
    @Order(2)
    void aMailboxFailureIsDownForStrangersWithoutItsErrorText() throws Exception {
        mail.stop();
        try {
            Api anonymous = api.withoutCredentials();
            Api.Reply down = awaitStatus(anonymous, "/health/ready", 503);
            assertEquals(Json.createObjectBuilder().add("status", "DOWN").build(), down.json());
            assertNoMailboxDetails(down.text());
            assertNoMailboxDetails(anonymous.get("/health").text());

            Api.Reply details = api.get("/api/health");
            assertEquals(503, details.status());
            assertTrue(details.text().contains("lastError"), details.text());
        } finally {
            mail.start();
        }
        awaitStatus(api.withoutCredentials(), "/health/ready", 200);
    }

    @Test
    @Order(3)
    void absurdPagingIsRefusedNotOverflowed() {
        for (String list : List.of("/api/messages", "/api/cases", "/api/members", "/api/hosts", "/api/vms",
                "/api/changes")) {
            for (String offset : List.of("99999999999", "2147483647", "2147483600")) {
                Api.Reply r = api.get(list + "?offset=" + offset);
                assertProblem(r, 400);
                assertTrue(r.json().getString("detail").contains("offset"), r.text());
            }
        }
        assertEquals(200, api.get("/api/vms?offset=10000000").status(), "deep but sane is still an empty page");
    }

    @Test
    @Order(4)
    void crossSiteFormPostsAreRefused() throws Exception {
        String auth = basic("admin", ColocServer.ADMIN_PASSWORD);
        for (String path : List.of("/api/cases/1/replies", "/api/cases/1/notes", "/api/tokens",
                "/api/messages/1/retry", "/api/vms/certificates/report", "/api/members")) {
            // what an HTML form can send to another site: no body, form fields, or text/plain
            assertProblem(raw("POST", path, auth, null, null).reply(), 415);
            assertProblem(raw("POST", path, auth, "application/x-www-form-urlencoded", "text=Vos+donn%C3%A9es").reply(), 415);
            assertProblem(raw("POST", path, auth, "text/plain", "{\"name\": \"csrf\"}").reply(), 415);
            assertProblem(raw("POST", path, auth, "multipart/form-data; boundary=x", "--x--\r\n").reply(), 415);
        }
        assertProblem(raw("PUT", "/api/members/1", auth, "text/plain", "{}").reply(), 415);
        assertProblem(raw("PATCH", "/api/members/1", auth, null, null).reply(), 415);
        // nothing happened: no token was created
        assertFalse(api.get("/api/tokens").text().contains("csrf"));

        // a script declaring JSON still works, with or without a body
        assertEquals(200, api.post("/api/vms/certificates/report", null).status());
    }

    @Test
    @Order(5)
    void aRevokedTokenIsRefusedOnTheNextRequest() {
        JsonObject created = api.post("/api/tokens", "{\"name\": \"backup\"}").json();
        Api script = api.withAuthorization("Bearer " + created.getString("token"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, script.get("/api/ping").status());
        }
        assertEquals(204, api.delete("/api/tokens/" + created.getInt("id"), null).status());
        assertProblem(script.get("/api/ping"), 401);
    }

    @Test
    @Order(6)
    void aGuesserBehindTheProxyIsSlowedDownAloneAndLogged() throws Exception {
        String guesser = "203.0.113.7";
        List<Integer> statuses = new ArrayList<>();
        RawReply last = null;
        for (int i = 0; i < 40; i++) {
            last = rawFrom(PROXY, "GET", "/api/vms", basic("admin", "guess-" + i), Map.of("X-Forwarded-For", guesser));
            statuses.add(last.status());
        }
        assertEquals(PER_CLIENT, statuses.indexOf(429), "401 until the limit, then 429: " + statuses);
        assertTrue(statuses.subList(PER_CLIENT, 40).stream().allMatch(s -> s == 429), statuses.toString());
        assertRetryAfter(last);
        assertTrue(last.body().contains("\"status\":429"), last.body());

        // even the right password is refused to the guesser for now …
        assertEquals(429, rawFrom(PROXY, "GET", "/api/ping", basic("admin", ColocServer.ADMIN_PASSWORD),
                Map.of("X-Forwarded-For", guesser)).status());
        // … but the admin at another address, behind the same proxy or not, is not held back
        assertEquals(200, rawFrom(PROXY, "GET", "/api/ping", basic("admin", ColocServer.ADMIN_PASSWORD),
                Map.of("X-Forwarded-For", "198.51.100.20")).status());
        assertEquals(200, api.get("/api/ping").status());

        String log = app.logText();
        assertTrue(log.contains("Failed login from " + guesser + " (via proxy " + PROXY + ")"), "failures are logged");
        assertTrue(log.contains(guesser + " reached " + PER_CLIENT + " failures"), "the lock is logged");
    }

    @Test
    @Order(7)
    void aForgedForwardedForFromANonProxyDoesNotEscapeTheLimit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        RawReply last = null;
        for (int i = 0; i < 30; i++) {
            // a new "client address" with every guess: believed from the proxy only, so here ignored
            last = rawFrom(DIRECT, "GET", "/api/vms", basic("admin", "guess-" + i),
                    Map.of("X-Forwarded-For", "10.66." + i + ".1"));
            statuses.add(last.status());
        }
        assertEquals(PER_CLIENT, statuses.indexOf(429), statuses.toString());
        assertRetryAfter(last);
        // a bogus token from there is refused the same way, before any lookup
        assertEquals(429, rawFrom(DIRECT, "GET", "/api/vms", "Bearer coloc_guess", Map.of()).status());
        String log = app.logText();
        assertTrue(log.contains("Failed login from " + DIRECT + ":"), "logged under its real address");
        assertFalse(log.contains("Failed login from 10.66."), "the forged address is not taken for the client");
    }

    @Test
    @Order(8)
    void manyGuessersTogetherLockPasswordsButNotTokens() throws Exception {
        String token = createToken("backup-script");
        // so far 20 failures (two guessers) and one revoked token: spread the rest over many addresses
        int guessers = 0;
        RawReply refused = null;
        for (int i = 1; i <= 30 && refused == null; i++) {
            guessers++;
            for (int attempt = 0; attempt < PER_CLIENT / 2; attempt++) {
                RawReply r = rawFrom(PROXY, "GET", "/api/vms", basic("admin", "spray-" + i + "-" + attempt),
                        Map.of("X-Forwarded-For", "192.0.2." + i));
                if (r.status() == 429) {
                    refused = r;
                    break;
                }
                assertEquals(401, r.status());
            }
        }
        assertNotNull(refused, "the overall limit was never reached");
        assertTrue(guessers <= 9, "reached after about " + (OVERALL - 21) + " more failures, not " + guessers * 5);
        assertRetryAfter(refused);
        assertTrue(refused.body().contains("on this server"), refused.body());

        // now the right password is refused to everybody until the window ends: the price of bounding the CPU …
        RawReply admin = rawFrom(PROXY, "GET", "/api/ping", basic("admin", ColocServer.ADMIN_PASSWORD),
                Map.of("X-Forwarded-For", "198.51.100.99"));
        assertEquals(429, admin.status());
        assertRetryAfter(admin);
        // … while scripts with a token go on
        assertEquals(200, rawFrom(PROXY, "GET", "/api/ping", "Bearer " + token,
                Map.of("X-Forwarded-For", "198.51.100.99")).status());
        assertEquals(200, api.withAuthorization("Bearer " + token).get("/api/vms").status());
        assertTrue(app.logText().contains("password logins are refused (429) for everybody"));
    }

    // --- helpers ---

    private static String createToken(String name) {
        Api.Reply r = api.post("/api/tokens", "{\"name\": \"" + name + "\"}");
        assertEquals(201, r.status(), r.text());
        return r.json().getString("token");
    }

    private static void assertNoMailboxDetails(String body) {
        for (String secret : List.of(TestMailServer.COLOC, "127.0.0.1", Integer.toString(mail.imapPort()), "lastError",
                "mailbox", "checks")) {
            assertFalse(body.contains(secret), "public health shows '" + secret + "': " + body);
        }
    }

    private static Api.Reply awaitStatus(Api client, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Reply r = client.get(path);
        while (r.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = client.get(path);
        }
        assertEquals(status, r.status(), path + ": " + r.text());
        return r;
    }

    private static void assertRetryAfter(RawReply r) {
        String retryAfter = r.header("retry-after");
        assertNotNull(retryAfter, "429 without Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 600, retryAfter);
        assertTrue(r.header("content-type").startsWith("application/problem+json"), r.header("content-type"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request from the admin's own client (127.0.0.1), with exactly the given content type, or none. */
    private static RawReply raw(String method, String path, String authorization, String contentType, String body)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            return new RawReply(r.statusCode(), headers, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    record RawReply(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        Api.Reply reply() {
            return new Api.Reply(status, header("content-type"), body.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /**
     * One HTTP/1.1 request over a socket bound to another loopback address: Java 17's HttpClient cannot choose
     * its source address, and the throttle is all about who the server thinks is calling.
     */
    private static RawReply rawFrom(String source, String method, String path, String authorization,
            Map<String, String> extraHeaders) throws IOException {
        URI base = URI.create(app.baseUrl());
        try (Socket s = new Socket(InetAddress.getByName(base.getHost()), base.getPort(),
                InetAddress.getByName(source), 0)) {
            s.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Authorization: ").append(authorization).append("\r\n")
                    .append("Connection: close\r\n");
            extraHeaders.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(s.getInputStream());
        }
    }

    private static RawReply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new RawReply(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // sizes count bytes; the bodies here are ASCII JSON
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
