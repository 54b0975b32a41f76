package org.coloc.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * The dashboard's login session: {@code POST} logs in with the admin's password (204, the session cookie and the
 * session's CSRF token in {@code X-CSRF-Token}), {@code GET} says who is logged in (and hands the CSRF token again to
 * a reloaded page), {@code DELETE} logs out. The checks themselves live in {@link ApiAuthentication}.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class SessionResource {

    @Inject
    ApiAuthentication authentication;

    @Inject
    ColocSettings coloc;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    Configuration configuration;

    /** Whether the API has the live events stream ({@code GET /api/events}); asked once. */
    private static volatile Boolean liveEvents;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(summary = "Log in to the dashboard", description = "{\"user\": \"admin\", \"password\": …} → 204 with "
            + "the session cookie (HttpOnly, SameSite=Strict) and the session's CSRF token in the X-CSRF-Token header, "
            + "which every change made with that cookie must send back; 401 for a wrong password (answered after a "
            + "growing delay), 429 after too many failures")
    public void login(String body, @Suspended AsyncResponse async) {
        String user;
        String password;
        try {
            JsonValue json = JsonBodies.parse(body);
            JsonInput in = JsonInput.of(json, Set.of("user", "password"), Set.of());
            user = in.string("user", true, 200);
            in.string("password", true, 1000);
            in.check();
            // the password exactly as typed: JsonInput strips spaces, a password may begin or end with one
            password = ((JsonString) ((JsonObject) json).get("password")).getString();
        } catch (RuntimeException e) {
            async.resume(e);
            return;
        }
        ApiAuthentication.Login outcome = authentication.login(request, user, password);
        if (outcome instanceof ApiAuthentication.Login.LoggedIn in) {
            async.resume(Response.noContent()
                    .header("Set-Cookie", SessionCookies.session(in.opened().cookieValue(),
                            authentication.overHttps(request)))
                    .header(ApiAuthentication.CSRF_HEADER, in.opened().session().csrfToken())
                    .header("Cache-Control", "no-store").build());
        } else if (outcome instanceof ApiAuthentication.Login.Refused refused) {
            async.resume(Response.fromResponse(Problem.of(429, "Too Many Requests", refused.verdict().overall()
                    ? "Too many failed logins on this server; try again in " + refused.verdict().retryAfterSeconds()
                            + " s."
                    : "Too many failed logins from this address; try again in " + refused.verdict().retryAfterSeconds()
                            + " s.").toResponse())
                    .header("Retry-After", refused.verdict().retryAfterSeconds()).build());
        } else if (outcome instanceof ApiAuthentication.Login.Failed failed) {
            // the answer waits without holding a request thread: a guesser's slow answers cost the server nothing
            Response wrong = Problem.of(401, "Unauthorized", "Wrong user or password.").toResponse();
            scheduler.schedule(() -> async.resume(wrong), failed.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @GET
    @Operation(summary = "Who is logged in", description = "user, the coloc address, the session's CSRF token (null "
            + "when the request did not come with the dashboard's session), its idle minutes, and whether the live "
            + "events stream (/api/events) is there; 401 when nobody is")
    public Map<String, Object> who() {
        AdminSessions.Session session = (AdminSessions.Session) request.getAttribute(ApiAuthentication.SESSION_ATTRIBUTE);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", security.getUserPrincipal().getName());
        answer.put("coloc", coloc.address());
        answer.put("csrfToken", session == null ? null : session.csrfToken());
        answer.put("idleMinutes", authentication.sessionIdle().toMinutes());
        answer.put("events", hasLiveEvents());
        return answer;
    }

    /**
     * The dashboard opens {@code /api/events} only when it exists: a stream answered 404 would put an error in the
     * browser's console at every page load. Jersey's runtime configuration lists every resource class of the API.
     */
    private boolean hasLiveEvents() {
        Boolean known = liveEvents;
        if (known == null) {
            known = configuration.getClasses().stream().map(c -> c.getAnnotation(Path.class))
                    .anyMatch(p -> p != null && p.value().replaceAll("^/+|/+$", "").equals("events"));
            liveEvents = known;
        }
        return known;
    }

    @DELETE
    @Operation(summary = "Log out of the dashboard", description = "ends the session and clears its cookie (204); with "
            + "the cookie, the X-CSRF-Token header is needed like for any change")
    public Response logout() {
        authentication.logout(request);
        return Response.noContent().header("Set-Cookie", SessionCookies.ended(authentication.overHttps(request)))
                .header("Cache-Control", "no-store").build();
    }
}
