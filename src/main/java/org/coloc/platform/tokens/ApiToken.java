package org.coloc.platform.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Duration;
import java.time.Instant;
import lombok.Getter;

/**
 * A named token a script sends as {@code Authorization: Bearer …}. Only its SHA-256 is kept: tokens are 32
 * random bytes, so a fast hash is enough, and it lets a request find its token in one lookup.
 */
@Entity
@Table(name = "API_TOKEN")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.hash = :hash AND t.revoked IS NULL")
@NamedQuery(name = ApiToken.ALL, query = "SELECT t FROM ApiToken t ORDER BY t.id")
@Getter
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String ALL = "ApiToken.all";

    @Id
    @TableGenerator(name = "TOKEN_IDS", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TOKEN_IDS")
    private Long id;

    private String name;

    private String hash;

    private Instant created;

    private Instant revoked;

    /** When a request last came with it, to the minute (written at most once a minute: see {@link #used}). */
    @Column(name = "LAST_USED")
    private Instant lastUsed;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(String name, String hash, Instant created) {
        this.name = name;
        this.hash = hash;
        this.created = created;
    }

    /** How stale {@link #lastUsed} may get: a busy script costs one write a minute, not one per request. */
    static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    /** A request came with this token at {@code now}; true when that changed what is stored. */
    public boolean used(Instant now) {
        if (lastUsed == null || !now.isBefore(lastUsed.plus(LAST_USED_STEP))) {
            lastUsed = now;
            return true;
        }
        return false;
    }

    public void revoke(Instant now) {
        if (revoked == null) {
            revoked = now;
        }
    }
}
