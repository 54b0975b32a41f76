package org.coloc.platform.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Recently checked tokens (by hash), so a busy script costs no database lookup per request. */
@ApplicationScoped
public class TokenCache {

    private static final int MAX = 1000;
    private final Map<String, String> namesByHash = new ConcurrentHashMap<>();

    public Optional<String> get(String hash) {
        return Optional.ofNullable(namesByHash.get(hash));
    }

    public void put(String hash, String name) {
        if (namesByHash.size() >= MAX) {
            namesByHash.clear();
        }
        namesByHash.put(hash, name);
    }

    public void forget(String hash) {
        namesByHash.remove(hash);
    }
}
