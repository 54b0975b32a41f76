package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Knows the admin; later identity stores (API tokens) sit beside it. Each store declares {@code validate} for
 * its own credential type only: the interface's default {@code validate(Credential)} calls the one that matches
 * and answers NOT_VALIDATED for any other credential.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminCredentials credentials;

    /** The admin's user name and password (see the class comment for how this is called). */
    public CredentialValidationResult validate(UsernamePasswordCredential up) {
        if (credentials.verify(up.getCaller(), up.getPasswordAsString())) {
            return new CredentialValidationResult(up.getCaller(), Set.of(Roles.ADMIN));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
