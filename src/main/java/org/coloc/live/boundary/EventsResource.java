package org.coloc.live.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.coloc.platform.Problem;
import org.coloc.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/events}: Server-Sent Events telling the dashboard what changed ({@code message-received},
 * {@code case-changed}, {@code comment-received}, {@code comment-moderated}), so an open page updates without a
 * reload; the page then reads what changed over the API. Events carry ids, numbers and states only.
 */
@Path("events")
@RolesAllowed({Roles.ADMIN, Roles.API})
public class EventsResource {

    /** How long a refused client is told to wait: about the time a closed stream takes to be noticed. */
    static final long RETRY_AFTER_SECONDS = 30;

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events: message-received, case-changed, comment-received, comment-moderated "
            + "(text/event-stream; a comment line every 25 s; no Last-Event-ID replay)")
    @APIResponse(responseCode = "200", description = "the stream; each event's data is one JSON object",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "503", description = "every event stream is in use (coloc.admin.max-event-streams)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void events(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletResponse response) {
        // nginx buffers proxied responses unless told otherwise: events would arrive late, in bursts
        response.setHeader("X-Accel-Buffering", "no");
        if (!streams.open(sink, sse)) {
            throw new ServiceUnavailableException("All " + streams.maxStreams() + " event streams are in use "
                    + "(coloc.admin.max-event-streams); try again later.", RETRY_AFTER_SECONDS);
        }
    }
}
