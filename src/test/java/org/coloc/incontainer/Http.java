package org.coloc.incontainer;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Requests to the deployed application over HTTP, as a browser, a feed reader or a mail filter sends them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URL base;

    /** @param base the deployment's URL, as Arquillian gives it */
    Http(URL base) {
        this.base = base;
    }

    /** A path of the deployment's own root (the WAR asks for "/", Arquillian may still give it its archive's name). */
    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The answer, its body read as UTF-8. */
    HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
