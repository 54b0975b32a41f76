package org.coloc.platform;

/** Role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    /** the admin, with his password: everything */
    public static final String ADMIN = "admin";
    /** a script with an API token: everything but managing tokens */
    public static final String API = "api";

    private Roles() {
    }
}
