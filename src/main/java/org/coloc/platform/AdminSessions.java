package org.coloc.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's login sessions, in memory: a session is a random cookie value (256 bits) and a CSRF token of its
 * own (the synchronizer pattern: the server keeps the token with the session and compares what a write sends in
 * {@code X-CSRF-Token}). A session ends when it has not been used for the idle time, on logout, or when the server
 * stops. The table is keyed by a SHA-256 of the cookie, so the cookie itself is never kept, and bounded: past
 * {@code maxSessions} the least recently used session ends. Pure code; thread-safe.
 *
 * <p>In memory on purpose: coloc runs as one process on a garage server, a restart asking the admin to log in again
 * costs him one form, and a table in the database would add a migration and a write per request for nothing. Several
 * instances behind one proxy would need sticky sessions (or this table moved to the database).
 */
public final class AdminSessions {

    /** A live session: who, its CSRF token, and when it was last used. */
    public record Session(String user, String csrfToken, Instant created, Instant lastUsed) {
    }

    /** A new session: the cookie value to hand to the browser once, and the session. */
    public record Opened(String cookieValue, Session session) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final Map<String, Session> sessions;

    public AdminSessions(Clock clock, Duration idle, int maxSessions) {
        this.clock = Objects.requireNonNull(clock);
        if (idle == null || idle.isNegative() || idle.isZero() || maxSessions < 1) {
            throw new IllegalArgumentException("idle time and size must be positive");
        }
        this.idle = idle;
        // access order: the least recently used session goes first when the table is full
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > maxSessions;
            }
        };
    }

    public Duration idle() {
        return idle;
    }

    public synchronized Opened open(String user) {
        String cookie = randomToken();
        Instant now = clock.instant();
        Session s = new Session(user, randomToken(), now, now);
        sessions.put(key(cookie), s);
        return new Opened(cookie, s);
    }

    /** The live session of this cookie, its idle time restarted; empty when unknown, ended or idle too long. */
    public synchronized Optional<Session> use(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String key = key(cookieValue);
        Session s = sessions.get(key);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastUsed().plus(idle))) {
            sessions.remove(key);
            return Optional.empty();
        }
        Session used = new Session(s.user(), s.csrfToken(), s.created(), now);
        sessions.put(key, used);
        return Optional.of(used);
    }

    /** Ends the session of this cookie, if any. */
    public synchronized void end(String cookieValue) {
        if (cookieValue != null && cookieValue.length() <= 100) {
            sessions.remove(key(cookieValue));
        }
    }

    public synchronized int size() {
        return sessions.size();
    }

    /** Whether the token a request sent is this session's, compared in constant time. */
    public static boolean csrfMatches(Session session, String sent) {
        return sent != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String key(String cookieValue) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(cookieValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
