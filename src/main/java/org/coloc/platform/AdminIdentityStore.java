package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Knows the admin; later identity stores (API tokens) sit beside it. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminCredentials credentials;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (credentials.verify(up.getCaller(), up.getPasswordAsString())) {
            return new CredentialValidationResult(up.getCaller(), Set.of(Roles.ADMIN));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
