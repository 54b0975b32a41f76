package org.coloc.platform.tokens;

import jakarta.security.enterprise.credential.Credential;

/** The value of an {@code Authorization: Bearer} header. */
public record TokenCredential(String token) implements Credential {
}
