package org.coloc.platform;

/** Media types the API speaks besides plain JSON. */
public final class MediaTypes {

    /** RFC 7386 JSON merge patch, for PATCH. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private MediaTypes() {
    }
}
