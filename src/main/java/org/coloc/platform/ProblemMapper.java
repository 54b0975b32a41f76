package org.coloc.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the REST API leaves as a problem body with the right status; nothing leaks a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ProblemException pe) {
            return pe.problem().toResponse();
        }
        if (e instanceof WebApplicationException wae) {
            Response r = wae.getResponse();
            Response.StatusType status = r.getStatusInfo();
            String detail = detailOf(wae, status);
            Response.ResponseBuilder b = Response.status(status.getStatusCode())
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, detail).toJson());
            // keep headers such as Allow or WWW-Authenticate
            r.getHeaders().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Content-Type")) {
                    v.forEach(x -> b.header(k, x));
                }
            });
            return b.build();
        }
        if (e instanceof JsonbException || e instanceof ProcessingException || causedBy(e, JsonbException.class)) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this resource.")
                    .toResponse();
        }
        LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected server error; it was logged.")
                .toResponse();
    }

    private static String detailOf(WebApplicationException wae, Response.StatusType status) {
        String message = wae.getMessage();
        // Jersey's default messages are just "HTTP 404 Not Found": say something more useful
        if (message == null || message.startsWith("HTTP " + status.getStatusCode())) {
            return switch (status.getStatusCode()) {
                case 404 -> "No such resource.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "This resource cannot produce the requested media type.";
                case 415 -> "Unsupported media type; send application/json.";
                case 401 -> "Authentication required.";
                case 403 -> "Not allowed for this user.";
                default -> status.getReasonPhrase();
            };
        }
        return message;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
