package org.coloc.it;

import static org.coloc.it.ColocApp.WAIT;
import static org.coloc.it.ColocApp.assertProblem;
import static org.coloc.it.People.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's live events as a browser's {@code EventSource} gets them: {@code GET /api/events} read line by
 * line while mail arrives over SMTP and the admin works over the API. Every stream a test opens stays open until the
 * class ends, so the number open is known exactly when the bound is tested (a closed stream is only noticed by the
 * server at its next write).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsIT {

    private static final int MAX_STREAMS = 20;
    private static final String BOB = "bob@example.org";

    @RegisterExtension
    static final ColocApp app = ColocApp.named("events").withMailServer().withAdmin(People.ADMIN);
    static final Api api = app.api();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Every stream opened (readers and the client that never reads), closed after the last test. */
    private static final List<AutoCloseable> open = new ArrayList<>();
    private static EventStream admin;

    @AfterAll
    static void closeStreams() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // the server stops anyway
            }
        }
    }

    @Test
    @Order(1)
    void withoutCredentialsThereIsNoStream() {
        assertProblem(api.withoutCredentials().get("/api/events"), 401);
        assertProblem(api.as("admin", "wrong").get("/api/events"), 401);
    }

    @Test
    @Order(2)
    void aMailFromANewPersonIsAMessageAndANewCaseOnTheOpenStream() throws Exception {
        admin = EventStream.open(basic());
        String token = api.post("/api/tokens", "{\"name\": \"dashboard-script\"}").json().getString("token");
        EventStream script = EventStream.open("Bearer " + token);

        app.send(Mails.plain("hello-1@example.org", "Alice <" + ALICE + ">", "Une VM secrète pour l'asso",
                "Bonjour, voici notre mot de passe : hunter2"), ALICE);

        Event message = admin.await(e -> e.name().equals("message-received"));
        assertEquals(Set.of("id", "classification", "status"), message.data().keySet(), "ids and labels only");
        assertEquals("human", message.data().getString("classification"));
        assertEquals("ingested", message.data().getString("status"));
        JsonObject stored = api.getJson("/api/messages/" + message.data().getJsonNumber("id").longValue());
        assertEquals("Une VM secrète pour l'asso", stored.getString("subject"), "the event names the stored mail");

        Event opened = admin.await(e -> e.name().equals("case-changed"));
        assertEquals(Json.createObjectBuilder().add("number", 1).add("state", "new").add("reason", "opened").build(),
                opened.data());
        assertEquals("new", api.getJson("/api/cases/1").getString("state"), "sent after the commit: the API shows it");

        // a script with an API token gets the same
        assertEquals(opened.data(), script.await(e -> e.name().equals("case-changed")).data());
        // nothing the stranger wrote went into the stream
        for (String secret : List.of("secrète", "VM", "hunter2", ALICE, "Alice")) {
            assertFalse(admin.text().contains(secret), secret + " in " + admin.text());
        }
        assertTrue(admin.text().startsWith(":"), "a comment line first, so the client knows it is connected");
        assertTrue(admin.text().indexOf("message-received") < admin.text().indexOf("case-changed"),
                "the mail first, then the case it opened: " + admin.text());
    }

    @Test
    @Order(3)
    void theAdminsReplyAndNoteChangeTheCase() throws Exception {
        assertEquals(201, api.post("/api/cases/1/replies", "{\"text\": \"Bonjour Alice, c'est noté.\"}").status());
        Event reply = admin.await(e -> e.name().equals("case-changed") && e.data().getString("reason").equals("reply"));
        assertEquals(1, reply.data().getInt("number"));
        assertEquals("waiting-requester", reply.data().getString("state"));
        assertEquals(201, api.post("/api/cases/1/notes", "{\"text\": \"VM à créer jeudi\"}").status());
        Event note = admin.await(e -> e.name().equals("case-changed") && e.data().getString("reason").equals("note"));
        assertEquals(1, note.data().getInt("number"));
        assertFalse(admin.text().contains("jeudi"), "a note's text is not in the stream");

        // a refused change (no such case) tells nobody: by the time the next note's event is there, none came for it
        assertProblem(api.post("/api/cases/99/notes", "{\"text\": \"x\"}"), 404);
        assertEquals(201, api.post("/api/cases/1/notes", "{\"text\": \"marker\"}").status());
        admin.await(e -> e.name().equals("case-changed") && e.data().getString("reason").equals("note"));
        assertFalse(admin.anyEver(line -> line.contains("\"number\":99")), admin.text());
    }

    @Test
    @Order(4)
    void aClientThatConnectsAndNeverReadsDoesNotStopTheOthers() throws Exception {
        Socket stuck = neverReading();
        app.send(Mails.plain("hello-2@example.org", "Bob <" + BOB + ">", "Hébergement", "Bonjour !"), BOB);
        Event opened = admin.await(e -> e.name().equals("case-changed") && e.data().getString("reason").equals("opened"));
        assertEquals(2, opened.data().getInt("number"));
        assertFalse(stuck.isClosed());
    }

    @Test
    @Order(5)
    void aReadersCommentAndItsModerationAreTold() throws Exception {
        assertEquals(201, api.put("/api/posts/hello-world", """
                {"title": "Bonjour le monde", "url": "https://blog.example.org/hello-world", "open": true}""", null)
                .status());
        app.send(Mails.plain("c1@carol.example", "Carol <carol@carol.example>", "coloc+hello-world@coloc.test",
                "Re: Bonjour le monde", null, "Très bon billet, merci !"), "carol@carol.example");
        Event received = admin.await(e -> e.name().equals("comment-received"));
        long id = received.data().getJsonNumber("id").longValue();
        assertEquals(Json.createObjectBuilder().add("id", id).add("post", "hello-world").add("state", "pending").build(),
                received.data());
        assertEquals(200, api.patch("/api/comments/" + id, "{\"state\": \"published\"}", null).status());
        Event moderated = admin.await(e -> e.name().equals("comment-moderated"));
        assertEquals(Json.createObjectBuilder().add("id", id).add("post", "hello-world").add("state", "published")
                .build(), moderated.data());
        assertFalse(admin.text().contains("billet") || admin.text().contains("carol"), admin.text());
    }

    @Test
    @Order(6)
    void aRecordChangedOverTheApiIsToldWithItsTypeIdAndAction() throws Exception {
        Api.Reply host = api.post("/api/hosts", """
                {"name": "garage-9", "cores": 8, "memoryMiB": 16384, "storageGiB": 500}""");
        assertEquals(201, host.status(), host.text());
        long id = host.json().getJsonNumber("id").longValue();
        Event created = admin.await(e -> e.name().equals("record-changed") && e.data().getString("type").equals("host"));
        assertEquals(Json.createObjectBuilder().add("type", "host").add("id", id).add("action", "create").build(),
                created.data());
        assertEquals(204, api.delete("/api/hosts/" + id, null).status());
        admin.await(e -> e.name().equals("record-changed") && e.data().getString("action").equals("delete")
                && e.data().getJsonNumber("id").longValue() == id);
        assertFalse(admin.text().contains("garage-9"), "names stay out of the stream: " + admin.text());
    }

    @Test
    @Order(7)
    void oneStreamMoreThanTheBoundIsRefusedWith503() throws Exception {
        while (open.size() < MAX_STREAMS) {
            EventStream.open(basic());
        }
        HttpResponse<byte[]> refused = HTTP.send(request(basic()), HttpResponse.BodyHandlers.ofByteArray());
        JsonObject problem = assertProblem(new Api.Reply(refused.statusCode(),
                refused.headers().firstValue("Content-Type").orElse(""), refused.body(), refused.headers()), 503);
        assertTrue(problem.getString("detail").contains("20"), problem.toString());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");

        // the open streams still work
        assertEquals(201, api.post("/api/cases/2/notes", "{\"text\": \"after the refusal\"}").status());
        assertEquals(2, admin.await(e -> e.name().equals("case-changed")).data().getInt("number"));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ColocServer.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(String authorization) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/events")).header("Accept", "text/event-stream")
                .header("Authorization", authorization).GET().build();
    }

    /**
     * A client that reads the answer's head (so the stream is known to be open) and then nothing more, with a receive
     * buffer as small as the system allows: what the server writes to it piles up.
     */
    private static Socket neverReading() throws IOException {
        URI base = URI.create(app.baseUrl());
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        s.setSoTimeout(30_000);
        open.add(s);
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: " + basic() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "closed before the head: " + head);
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 200"), head.toString());
        return s;
    }

    record Event(String name, JsonObject data) {
    }

    /** One {@code text/event-stream} read on a thread of its own, as an {@code EventSource} reads it. */
    static final class EventStream implements AutoCloseable {

        /** Every event so far, in order; those {@link #await} answered are taken out. */
        private final List<Event> events = new ArrayList<>();
        private final StringBuffer text = new StringBuffer();
        private final Stream<String> lines;

        private EventStream(Stream<String> lines) {
            this.lines = lines;
        }

        static EventStream open(String authorization) throws IOException, InterruptedException {
            HttpResponse<Stream<String>> r = HTTP.send(request(authorization), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    r.headers().toString());
            // nginx would otherwise hold events back in its buffer: the stream tells it not to
            assertEquals("no", r.headers().firstValue("X-Accel-Buffering").orElse(""), r.headers().toString());
            EventStream s = new EventStream(r.body());
            open.add(s);
            Thread reader = new Thread(s::read, "events-it-reader");
            reader.setDaemon(true);
            reader.start();
            return s;
        }

        private void read() {
            String[] name = {null};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    text.append(line).append('\n');
                    if (line.isEmpty()) {
                        if (name[0] != null) {
                            synchronized (events) {
                                events.add(new Event(name[0], Json.createReader(new StringReader(data.toString()))
                                        .readObject()));
                                events.notifyAll();
                            }
                        }
                        name[0] = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                });
            } catch (RuntimeException e) {
                // closed
            }
        }

        /**
         * The oldest event not answered before that matches (taken out, so a second call finds the next one); fails
         * after {@link ColocApp#WAIT}.
         */
        Event await(Predicate<Event> wanted) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            synchronized (events) {
                while (true) {
                    for (int i = 0; i < events.size(); i++) {
                        if (wanted.test(events.get(i))) {
                            return events.remove(i);
                        }
                    }
                    long left = (end - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new AssertionError("no such event within " + WAIT + "; the stream so far:\n" + text);
                    }
                    events.wait(left);
                }
            }
        }

        /** Every event received so far, answered or not. */
        boolean anyEver(Predicate<String> line) {
            return text.toString().lines().anyMatch(line);
        }

        String text() {
            return text.toString();
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
