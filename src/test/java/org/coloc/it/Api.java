package org.coloc.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A REST client as a script would use it. */
public final class Api {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Asked at each request: a server that restarts listens on another port. */
    private final Supplier<String> base;
    private final String authorization;

    public Api(String base, String user, String password) {
        this(() -> base, user, password);
    }

    public Api(Supplier<String> base, String user, String password) {
        this(base, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api withoutCredentials() {
        return new Api(base, null, null);
    }

    public Api as(String user, String password) {
        return new Api(base, user, password);
    }

    public record Reply(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public jakarta.json.JsonArray jsonArray() {
            try (JsonReader r = Json.createReader(new StringReader(text()))) {
                return r.readArray();
            }
        }

        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(text()))) {
                return r.readObject();
            }
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base.get() + path)).GET());
    }

    /** A conditional GET: 304 while the representation still has this entity tag. */
    public Reply getIfNoneMatch(String path, String etag) {
        return send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("If-None-Match", etag).GET());
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base.get() + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.get() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    public Reply patch(String path, String json, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.get() + path))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    public Reply delete(String path, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.get() + path)).DELETE();
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    /** Same base, another Authorization header (e.g. "Bearer …"). */
    public Api withAuthorization(String header) {
        return new Api(base, header);
    }

    private Api(Supplier<String> base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** GETs a JSON object, insisting on 200. */
    public JsonObject getJson(String path) {
        Reply r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.status() + " " + r.text());
        }
        return r.json();
    }

    private Reply send(HttpRequest.Builder b) {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls a JSON GET until the condition holds; fails with the last answer after the timeout. */
    public JsonObject await(String path, Predicate<JsonObject> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Reply r = get(path);
            if (r.status() == 200) {
                last = r.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not met within " + timeout + " on " + path + "; last: " + last);
    }
}
