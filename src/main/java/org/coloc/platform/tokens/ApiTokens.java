package org.coloc.platform.tokens;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.Problem;
import org.coloc.platform.ProblemException;

/** Creates, lists, revokes and checks API tokens. */
@Stateless
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public record Created(long id, String name, String token) {
    }

    public record TokenView(long id, String name, java.time.Instant created, java.time.Instant revoked,
            java.time.Instant lastUsed) {
    }

    public Created create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException(List.of(new Problem.FieldError("name", "is required, at most 100 characters")));
        }
        String trimmed = name.strip();
        if (!em.createQuery("SELECT t.id FROM ApiToken t WHERE t.name = :n").setParameter("n", trimmed)
                .getResultList().isEmpty()) {
            throw ProblemException.conflict("A token named '" + trimmed + "' exists already.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "coloc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken t = new ApiToken(trimmed, hash(token), clock.instant());
        em.persist(t);
        em.flush();
        return new Created(t.getId(), t.getName(), token);
    }

    public List<TokenView> list() {
        return em.createNamedQuery(ApiToken.ALL, ApiToken.class).getResultList().stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getCreated(), t.getRevoked(),
                        t.getLastUsed())).toList();
    }

    public void revoke(long id) {
        ApiToken t = em.find(ApiToken.class, id);
        if (t == null) {
            throw ProblemException.notFound("No token " + id + ".");
        }
        t.revoke(clock.instant());
    }

    /**
     * The name of the live token with this value, if any; notes that it was used (for the admin's list), at most
     * once a minute, and only on a cache miss (TokenCache), so a busy script costs no write per request.
     */
    public Optional<String> nameOf(String token) {
        String h = hash(token);
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", h)
                .getResultList().stream().findFirst();
        found.ifPresent(t -> t.used(clock.instant()));
        return found.map(ApiToken::getName);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
