package org.coloc.platform.tokens;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.coloc.platform.Roles;

/** Knows API tokens: a live token makes its caller {@code token:<name>} with the {@code api} role. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @EJB
    ApiTokens tokens;

    @Inject
    TokenCache cache;

    /** A Bearer token; {@link IdentityStore}'s default validate(Credential) calls this for a TokenCredential only. */
    public CredentialValidationResult validate(TokenCredential tc) {
        String hash = ApiTokens.hash(tc.token());
        Optional<String> name = cache.get(hash);
        if (name.isEmpty()) {
            name = tokens.nameOf(tc.token());
            name.ifPresent(n -> cache.put(hash, n));
        }
        return name.map(n -> new CredentialValidationResult("token:" + n, Set.of(Roles.API)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
