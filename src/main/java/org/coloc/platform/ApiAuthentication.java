package org.coloc.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;
import org.coloc.platform.tokens.TokenCredential;

/**
 * HTTP Basic (the admin) or a Bearer API token (scripts) for everything under /api and for Payara's /metrics,
 * answered in the API's own error format: 401 with a problem body (the container's default would be an HTML
 * page). Role checks (403) happen in the resources.
 *
 * <p>Failed logins are counted and logged by {@link LoginThrottle}; a client over the limit gets 429 with
 * {@code Retry-After} before its credentials are even looked at, so guessing costs no PBKDF2.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiAuthentication.class.getName());
    /** Clients remembered at most: a few hundred kilobytes whatever the number of guessers. */
    static final int MAX_CLIENTS = 10_000;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AuthSettings settings;

    @Inject
    Clock clock;

    private LoginThrottle throttle;
    private ClientAddress.TrustedProxies proxies;

    @PostConstruct
    void init() {
        proxies = settings.trustedProxies();
        throttle = new LoginThrottle(settings.limits(MAX_CLIENTS), clock);
    }

    /** The API, and Payara's metrics (served inside this application because it is deployed at the root). */
    static boolean isProtected(String path) {
        return !isPublic(path) && (path.equals("/api") || path.startsWith("/api/") || path.equals("/metrics")
                || path.startsWith("/metrics/"));
    }

    /**
     * The few API paths anybody may read (issue 10: the public list of maintenances; issue 11: a post's published
     * comments, {@code /api/public/posts/<slug>/comments}), named exactly: a path around them (another segment,
     * "..", an encoded character) stays protected.
     */
    static boolean isPublic(String path) {
        return path.equals("/api/public/maintenances") || isPublicComments(path);
    }

    private static final String POSTS = "/api/public/posts/";
    private static final String COMMENTS = "/comments";

    /**
     * {@code /api/public/posts/<one segment>/comments}. The segment is not held to the slug pattern here (a bad slug
     * is the resource's 404, as for an unknown one) but to plain characters: no slash, no dot segment, no
     * percent-encoding, no {@code ;} path parameter, at most 200 characters.
     */
    private static boolean isPublicComments(String path) {
        if (!path.startsWith(POSTS) || !path.endsWith(COMMENTS)
                || path.length() > POSTS.length() + COMMENTS.length() + 200) {
            return false;
        }
        String segment = path.substring(POSTS.length(), path.length() - COMMENTS.length());
        if (segment.isEmpty() || segment.chars().allMatch(c -> c == '.')) {
            return false;
        }
        return segment.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,=:@".indexOf(c) >= 0);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isProtected(path)) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (!bearer && !basic) {
            return unauthorized(response, header == null
                    ? "Authentication required: HTTP Basic with the admin user, or an API token."
                    : "Invalid credentials.");
        }
        String client = ClientAddress.resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), proxies);
        LoginThrottle.Verdict verdict = throttle.check(client, bearer ? LoginThrottle.Kind.TOKEN : LoginThrottle.Kind.PASSWORD);
        if (verdict.refused()) {
            return tooManyFailures(response, verdict);
        }
        String user = null;
        boolean counted = false;
        try {
            CredentialValidationResult result = CredentialValidationResult.INVALID_RESULT;
            if (bearer) {
                result = identityStores.validate(new TokenCredential(header.substring(7).trim()));
            } else {
                String[] userAndPassword = decodeBasic(header.substring(6).trim());
                if (userAndPassword != null) {
                    user = userAndPassword[0];
                    result = identityStores.validate(
                            new UsernamePasswordCredential(userAndPassword[0], userAndPassword[1]));
                }
            }
            counted = true;
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(client);
                return context.notifyContainerAboutLogin(result);
            }
            logFailure(throttle.failed(client), client, request.getRemoteAddr(), bearer, user, path);
            return unauthorized(response, bearer ? "Unknown or revoked API token." : "Invalid credentials.");
        } finally {
            if (!counted) {
                throttle.abandoned(client);
            }
        }
    }

    private void logFailure(LoginThrottle.Failure f, String client, String remote, boolean bearer, String user,
            String path) {
        long window = throttle.limits().window().toSeconds();
        if (f.unloggedBefore() > 0) {
            LOG.warning(() -> "Failed logins: " + f.unloggedBefore()
                    + " more in the previous window were counted but not logged one by one");
        }
        if (f.logIt()) {
            String via = client.equals(ClientAddress.key(remote)) ? "" : " (via proxy " + remote + ")";
            LOG.warning(() -> "Failed login from " + client + via + ": "
                    + (bearer ? "unknown or revoked API token" : "wrong password for user '" + printable(user) + "'")
                    + " on " + printable(path) + "; " + f.clientFailures() + " from this client and "
                    + f.overallFailures() + " overall within " + window + " s");
        }
        if (f.clientLimitReached()) {
            LOG.warning(() -> "Failed logins: " + client + " reached " + f.clientFailures()
                    + " failures; its logins are refused (429) until its " + window + " s window ends");
        }
        if (f.overallLimitReached()) {
            LOG.severe(() -> "Failed logins: " + f.overallFailures() + " overall within " + window
                    + " s; password logins are refused (429) for everybody until the window ends (API tokens still work)");
        }
    }

    /** Log lines show what a client sent, cut short and without control characters (no forged log lines). */
    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.length() > 80 ? b.append('…').toString() : b.toString();
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"coloc\", charset=\"UTF-8\"");
        return problem(response, Problem.of(401, "Unauthorized", detail));
    }

    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, LoginThrottle.Verdict verdict) {
        response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        return problem(response, Problem.of(429, "Too Many Requests", verdict.overall()
                ? "Too many failed logins on this server; password logins are refused for "
                        + verdict.retryAfterSeconds() + " s."
                : "Too many failed logins from this address; try again in " + verdict.retryAfterSeconds() + " s."));
    }

    private static AuthenticationStatus problem(HttpServletResponse response, Problem problem) {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(problem.toJson());
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
