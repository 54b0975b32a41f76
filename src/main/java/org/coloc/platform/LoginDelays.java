package org.coloc.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The growing wait before the dashboard answers a failed login: {@code first × 2^(n-1)} for a client's n-th failure
 * in a row, never more than {@code max}. A success forgets the client; so does a quiet {@code forgetAfter} since its
 * last failure. On top of {@link LoginThrottle} (which refuses a client after a number of failures): the throttle
 * caps how many guesses a window allows, the delay makes each of them slow. Pure code; thread-safe; the table is
 * bounded like the throttle's.
 */
public final class LoginDelays {

    private record Failures(int count, long lastMillis) {
    }

    private final Duration first;
    private final Duration max;
    private final long forgetAfterMillis;
    private final Clock clock;
    private final Map<String, Failures> clients;

    public LoginDelays(Duration first, Duration max, Duration forgetAfter, int maxClients, Clock clock) {
        this.first = Objects.requireNonNull(first);
        this.max = Objects.requireNonNull(max);
        this.forgetAfterMillis = forgetAfter.toMillis();
        this.clock = Objects.requireNonNull(clock);
        this.clients = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** The dashboard's policy: 0.5 s, 1 s, 2 s, 4 s, then 5 s for every further failure. */
    public static LoginDelays standard(Duration forgetAfter, int maxClients, Clock clock) {
        return new LoginDelays(Duration.ofMillis(500), Duration.ofSeconds(5), forgetAfter, maxClients, clock);
    }

    /** Counts a failure of this client and says how long to wait before answering it. */
    public synchronized Duration failed(String client) {
        long now = clock.millis();
        Failures f = clients.get(client);
        int count = f == null || now - f.lastMillis() >= forgetAfterMillis ? 1 : f.count() + 1;
        clients.put(client, new Failures(count, now));
        return delayAfter(count);
    }

    /** A client that logged in starts again from no delay. */
    public synchronized void succeeded(String client) {
        clients.remove(client);
    }

    /** The wait after the n-th failure in a row (n ≥ 1). */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    public synchronized int clientsRemembered() {
        return clients.size();
    }
}
