package org.coloc.platform;

/** Role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "admin";

    private Roles() {
    }
}
