package org.coloc.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For system tests only ({@code coloc.clock-control=true}, 404 otherwise): moves the application's clock
 * forward, then runs the deadline sweeps, so a test sees three days pass without waiting three days.
 */
@Path("clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    /** Fired after the clock moved: timers sweep their deadlines at once. */
    public record ClockMoved(java.time.Instant now) {
    }

    @Inject
    Clocks clocks;

    @Inject
    ColocSettings coloc;

    @Inject
    Event<ClockMoved> moved;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tests only: advance the clock ({\"advance\": \"P3D\"}) and sweep the deadlines")
    public Map<String, String> advance(String body) {
        if (!coloc.clockControl()) {
            throw ProblemException.notFound("No such resource.");
        }
        JsonInput in = JsonInput.of(JsonBodies.parse(body), Set.of("advance"), Set.of());
        String advance = in.string("advance", true, 40);
        in.check();
        Duration by;
        try {
            by = Duration.parse(advance);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("advance must be an ISO-8601 duration such as P3D or PT2H.");
        }
        var now = clocks.advance(by);
        moved.fire(new ClockMoved(now));
        return Map.of("now", now.toString());
    }
}
