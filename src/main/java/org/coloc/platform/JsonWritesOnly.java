package org.coloc.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Every write to the API (POST, PUT, PATCH) must declare a JSON body, even when it has none: a browser can
 * send a cross-site form post (form-encoded, multipart or text/plain) with the admin's remembered Basic
 * credentials, but it cannot send a JSON content type to another site without that site's consent (CORS
 * preflight, which coloc never grants). DELETE carries no body and cannot be sent cross-site by a form.
 */
@Provider
@PreMatching
public class JsonWritesOnly implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && !isJson(request.getMediaType())) {
            request.abortWith(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Writes need a JSON body type (Content-Type: application/json, or application/merge-patch+json"
                            + " for PATCH), even without a body.").toResponse());
        }
    }

    /** application/json or any application/…+json (merge patch, problem). */
    static boolean isJson(MediaType type) {
        return type != null && type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
