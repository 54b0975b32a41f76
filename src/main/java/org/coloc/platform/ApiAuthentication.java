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
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.coloc.platform.tokens.TokenCredential;

/**
 * HTTP Basic (the admin) or a Bearer API token (scripts) for everything under /api and for Payara's /metrics,
 * answered in the API's own error format: 401 with a problem body (the container's default would be an HTML
 * page). Role checks (403) happen in the resources.
 *
 * <p>The dashboard logs in once ({@code POST /api/session}, see {@link #login}) and then sends the session cookie
 * ({@value #SESSION_COOKIE}) instead of an {@code Authorization} header. A request authenticated by that cookie that
 * writes (anything but GET, HEAD, OPTIONS) must carry the session's CSRF token in {@value #CSRF_HEADER}, else 403:
 * the cookie alone is what a browser would send for another site's forged request. An {@code Authorization} header
 * wins over the cookie, so scripts are never asked for a CSRF token.
 *
 * <p>Failed logins are counted and logged by {@link LoginThrottle}; a client over the limit gets 429 with
 * {@code Retry-After} before its credentials are even looked at, so guessing costs no PBKDF2.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiAuthentication.class.getName());
    /** Clients remembered at most: a few hundred kilobytes whatever the number of guessers. */
    static final int MAX_CLIENTS = 10_000;
    /** Dashboard sessions kept at most; past it the least recently used one ends. */
    static final int MAX_SESSIONS = 1_000;
    public static final String SESSION_COOKIE = "coloc_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request attribute: the dashboard session that authenticated this request, for {@code GET /api/session}. */
    public static final String SESSION_ATTRIBUTE = ApiAuthentication.class.getName() + ".session";
    /** The login form's path: anybody may post to it. */
    static final String LOGIN_PATH = "/api/session";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AuthSettings settings;

    @Inject
    Clock clock;

    private LoginThrottle throttle;
    private ClientAddress.TrustedProxies proxies;
    private AdminSessions sessions;
    private LoginDelays delays;

    @PostConstruct
    void init() {
        proxies = settings.trustedProxies();
        throttle = new LoginThrottle(settings.limits(MAX_CLIENTS), clock);
        sessions = new AdminSessions(clock, settings.sessionIdle(), MAX_SESSIONS);
        delays = LoginDelays.standard(settings.failureWindow(), MAX_CLIENTS, clock);
    }

    /** How a login through the dashboard's form ended. */
    public sealed interface Login {

        /** The session opened: its cookie value goes to the browser once, with the session's CSRF token. */
        record LoggedIn(AdminSessions.Opened opened) implements Login {
        }

        /** Too many failures: refused before the password was looked at. */
        record Refused(LoginThrottle.Verdict verdict) implements Login {
        }

        /** A wrong user or password: answer only after {@code delay}. */
        record Failed(Duration delay) implements Login {
        }
    }

    /**
     * The dashboard's login: the same throttle as Basic (the same counts, the same limits, the same log lines), and
     * on top a growing delay before a failure is answered ({@link LoginDelays}). Never logs the password.
     */
    public Login login(HttpServletRequest request, String user, String password) {
        String client = client(request);
        LoginThrottle.Verdict verdict = throttle.check(client, LoginThrottle.Kind.PASSWORD);
        if (verdict.refused()) {
            return new Login.Refused(verdict);
        }
        boolean counted = false;
        try {
            CredentialValidationResult result = user == null || password == null
                    ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(new UsernamePasswordCredential(user, password));
            counted = true;
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(client);
                delays.succeeded(client);
                return new Login.LoggedIn(sessions.open(result.getCallerPrincipal().getName()));
            }
            logFailure(throttle.failed(client), client, request.getRemoteAddr(), false, user, LOGIN_PATH);
            return new Login.Failed(delays.failed(client));
        } finally {
            if (!counted) {
                throttle.abandoned(client);
            }
        }
    }

    /** Ends the session of this request's cookie, if any (logout). */
    public void logout(HttpServletRequest request) {
        sessionCookie(request).ifPresent(sessions::end);
    }

    /** Whether the browser reached us over HTTPS, directly or through a trusted proxy that says so. */
    public boolean overHttps(HttpServletRequest request) {
        return SessionCookies.overHttps(request.isSecure(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-Proto"), proxies);
    }

    public Duration sessionIdle() {
        return sessions.idle();
    }

    private String client(HttpServletRequest request) {
        return ClientAddress.resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), proxies);
    }

    private static Optional<String> sessionCookie(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Methods that change nothing: no CSRF token asked. */
    static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private AuthenticationStatus bySession(String cookie, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<AdminSessions.Session> session = sessions.use(cookie);
        if (session.isEmpty()) {
            // not counted as a failed login: an old tab after the idle time is no guesser, and 256 random bits
            // cannot be guessed
            return unauthorized(response, false, "Your session has ended (logged out, or unused for more than "
                    + sessions.idle().toMinutes() + " minutes): log in again.");
        }
        if (!isSafe(request.getMethod()) && !AdminSessions.csrfMatches(session.get(), request.getHeader(CSRF_HEADER))) {
            return problem(response, Problem.of(403, "Forbidden",
                    "A change made with the dashboard's session must carry its " + CSRF_HEADER + " header."));
        }
        request.setAttribute(SESSION_ATTRIBUTE, session.get());
        return context.notifyContainerAboutLogin(session.get().user(), Set.of(Roles.ADMIN));
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
        if (!isProtected(path) || isLogin(request.getMethod(), path)) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header == null) {
            Optional<String> cookie = sessionCookie(request);
            if (cookie.isPresent()) {
                return bySession(cookie.get(), request, response, context);
            }
        }
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (!bearer && !basic) {
            // the dashboard's own calls (X-Requested-With) get no Basic challenge: a browser would pop up its
            // password dialog over the login form
            return unauthorized(response, request.getHeader("X-Requested-With") == null, header == null
                    ? "Authentication required: HTTP Basic with the admin user, an API token, or the dashboard's session."
                    : "Invalid credentials.");
        }
        String client = client(request);
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
            return unauthorized(response, true, bearer ? "Unknown or revoked API token." : "Invalid credentials.");
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

    /** The login form's request ({@code POST /api/session}): anybody may send it. */
    static boolean isLogin(String method, String path) {
        return "POST".equals(method) && LOGIN_PATH.equals(path);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, boolean challenge, String detail) {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"coloc\", charset=\"UTF-8\"");
        }
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
