package org.coloc.platform;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A REST resource that records who acted (the change log, a reply's author): the caller's name, the admin or an
 * API token's, from the request's security context.
 */
public abstract class CallerAware {

    @Context
    private SecurityContext security;

    /** The name of the authenticated caller of this request. */
    protected String actor() {
        return security.getUserPrincipal().getName();
    }
}
