package org.coloc.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed logins per client and overall within fixed windows, so that guessing passwords costs the
 * guesser time and the server no CPU: a client over its limit, or everybody once the overall limit is
 * reached, is refused before any password is hashed. Pure code; thread-safe.
 *
 * <p>A client's window starts at its first failure; once it holds {@code maxFailuresPerClient} failures the
 * client is refused until the window ends. A success forgets the client's failures. The overall window works
 * the same over all clients; when it is full, password logins are refused for everybody until it ends (a
 * distributed guesser could otherwise keep the CPU busy with PBKDF2 and try thousands of passwords), while
 * API tokens keep working: they cost no PBKDF2 and cannot be guessed. The per-client table is bounded: the
 * least recently seen client is forgotten first.
 */
public final class LoginThrottle {

    /** How many failures are allowed, within which window, and how many clients are remembered. */
    public record Limits(int maxFailuresPerClient, int maxFailures, Duration window, int maxClients) {

        public Limits {
            if (maxFailuresPerClient < 1 || maxFailures < 1 || maxClients < 1) {
                throw new IllegalArgumentException("limits must be at least 1");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the window must be positive");
            }
        }
    }

    /** What kind of credential a request carries: only passwords are refused for everybody. */
    public enum Kind {
        PASSWORD, TOKEN
    }

    /**
     * The answer before checking credentials: {@code refused} with the seconds to wait, and whether it is the
     * overall limit (rather than the client's own) that refuses.
     */
    public record Verdict(boolean refused, long retryAfterSeconds, boolean overall) {

        static final Verdict ALLOWED = new Verdict(false, 0, false);
    }

    /**
     * A failure as counted: the client's and the overall count in their windows, whether this failure
     * reached the client's or the overall limit, whether it should be logged one by one, and how many failures
     * of the previous overall window went unlogged.
     */
    public record Failure(int clientFailures, int overallFailures, boolean clientLimitReached,
            boolean overallLimitReached, boolean logIt, int unloggedBefore) {
    }

    private static final class Window {
        long start;
        int failures;
        /** attempts let through and not yet known to succeed or fail: a burst of parallel guesses counts too */
        int pending;

        Window(long start) {
            this.start = start;
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final long windowMillis;
    private final Map<String, Window> clients;
    private Window overall;
    private int unloggedInOverallWindow;

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
        this.windowMillis = limits.window().toMillis();
        // access order: the least recently seen client goes first when the table is full
        this.clients = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > limits.maxClients();
            }
        };
    }

    public Limits limits() {
        return limits;
    }

    /**
     * To be asked before any credential is checked. An allowed attempt is counted as pending until
     * {@link #failed}, {@link #succeeded} or {@link #abandoned} says how it ended.
     */
    public synchronized Verdict check(String client, Kind kind) {
        long now = clock.millis();
        Window w = clients.get(client);
        if (w != null && now - w.start >= windowMillis) {
            clients.remove(client);
            w = null;
        }
        // attempts still being checked count only once the client has failed: a script sending many requests
        // at once with good credentials is never held back, a guesser's parallel burst is
        if (w != null && (w.failures >= limits.maxFailuresPerClient()
                || w.failures > 0 && w.failures + w.pending >= limits.maxFailuresPerClient())) {
            return new Verdict(true, secondsLeft(w, now), false);
        }
        if (kind == Kind.PASSWORD && overall != null && now - overall.start < windowMillis
                && overall.failures >= limits.maxFailures()) {
            return new Verdict(true, secondsLeft(overall, now), true);
        }
        if (w == null) {
            w = new Window(now);
            clients.put(client, w);
        }
        w.pending++;
        return Verdict.ALLOWED;
    }

    /** An allowed attempt ended without a verdict on the credentials (an error): it no longer counts. */
    public synchronized void abandoned(String client) {
        Window w = clients.get(client);
        if (w != null && w.pending > 0) {
            w.pending--;
            if (w.pending == 0 && w.failures == 0) {
                clients.remove(client);
            }
        }
    }

    /** Counts a failed login of this client. */
    public synchronized Failure failed(String client) {
        long now = clock.millis();
        int unloggedBefore = 0;
        if (overall == null || now - overall.start >= windowMillis) {
            unloggedBefore = unloggedInOverallWindow;
            unloggedInOverallWindow = 0;
            overall = new Window(now);
        }
        Window w = clients.get(client);
        if (w == null || now - w.start >= windowMillis) {
            w = new Window(now);
            clients.put(client, w);
        }
        if (w.pending > 0) {
            w.pending--;
        }
        w.failures++;
        overall.failures++;
        // one line per failure up to the overall limit (and the one reaching it); beyond, only a count, so a
        // distributed guesser cannot flood the log either
        boolean logIt = overall.failures <= limits.maxFailures();
        if (!logIt) {
            unloggedInOverallWindow++;
        }
        return new Failure(w.failures, overall.failures, w.failures == limits.maxFailuresPerClient(),
                overall.failures == limits.maxFailures(), logIt, unloggedBefore);
    }

    /** A client that logged in forgets its failures (the overall count stays). */
    public synchronized void succeeded(String client) {
        clients.remove(client);
    }

    /** Clients remembered now; bounded by {@link Limits#maxClients()}. */
    public synchronized int clientsRemembered() {
        return clients.size();
    }

    private long secondsLeft(Window w, long now) {
        long millis = w.start + windowMillis - now;
        return Math.max(1, (millis + 999) / 1000);
    }
}
