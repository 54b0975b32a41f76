package org.coloc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.coloc.platform.tokens.TokenCredential;

/**
 * HTTP Basic (the admin) or a Bearer API token (scripts) for everything under /api, answered in the API's own error format: 401 with a problem body
 * (the container's default would be an HTML page). Role checks (403) happen in the resources.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result = identityStores.validate(new TokenCredential(header.substring(7).trim()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(response, "Unknown or revoked API token.");
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userAndPassword = decodeBasic(header.substring(6).trim());
            if (userAndPassword != null) {
                CredentialValidationResult result = identityStores.validate(
                        new UsernamePasswordCredential(userAndPassword[0], userAndPassword[1]));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
        }
        return unauthorized(response, header == null
                ? "Authentication required: HTTP Basic with the admin user."
                : "Invalid credentials.");
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"coloc\", charset=\"UTF-8\"");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Problem.of(401, "Unauthorized", detail).toJson());
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
