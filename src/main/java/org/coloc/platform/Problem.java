package org.coloc.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one error format: RFC 9457 problem details, {@code application/problem+json}. {@code errors} names
 * each bad field when there are several.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Created on first use only, so that pure code can build problems without a JSON-B implementation. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public String toJson() {
        return Json.JSONB.toJson(this);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }
}
