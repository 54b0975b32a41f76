package org.coloc.it;

/** The people the system tests write as, where more than one test class needs them. */
final class People {

    /** A requester: her first mail opens case #1. */
    static final String ALICE = "alice@example.org";
    /** The admin, as the application knows him ({@code COLOC_ADMIN_EMAIL}). */
    static final String ADMIN = "owner@coloc.test";

    private People() {
    }
}
