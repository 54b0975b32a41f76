package org.coloc.platform.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.coloc.platform.AuthSettings;

/**
 * Tokens checked in the last few seconds (by hash), so a busy script costs no database lookup per request.
 * Entries live {@code coloc.auth.token-cache-seconds} at most: a token revoked on another instance sharing the
 * database stops working there within that time (on this instance at once: revoking clears the cache). Bounded
 * in size.
 */
@ApplicationScoped
public class TokenCache {

    static final int MAX = 1000;

    private record Entry(String name, long expires) {
    }

    @Inject
    Clock clock;

    @Inject
    AuthSettings settings;

    private long ttlMillis;
    private final Map<String, Entry> namesByHash = new ConcurrentHashMap<>();

    protected TokenCache() {
        // for CDI
    }

    TokenCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    @PostConstruct
    void init() {
        ttlMillis = settings.tokenCache().toMillis();
    }

    public Optional<String> get(String hash) {
        Entry e = namesByHash.get(hash);
        if (e == null) {
            return Optional.empty();
        }
        if (clock.millis() >= e.expires()) {
            namesByHash.remove(hash, e);
            return Optional.empty();
        }
        return Optional.of(e.name());
    }

    public void put(String hash, String name) {
        if (ttlMillis <= 0) {
            return;
        }
        long now = clock.millis();
        if (namesByHash.size() >= MAX) {
            for (Iterator<Entry> it = namesByHash.values().iterator(); it.hasNext();) {
                if (now >= it.next().expires()) {
                    it.remove();
                }
            }
            if (namesByHash.size() >= MAX) {
                namesByHash.clear();
            }
        }
        namesByHash.put(hash, new Entry(name, now + ttlMillis));
    }

    /** After a revocation is committed: nothing remembered survives it. */
    public void clear() {
        namesByHash.clear();
    }

    int size() {
        return namesByHash.size();
    }
}
