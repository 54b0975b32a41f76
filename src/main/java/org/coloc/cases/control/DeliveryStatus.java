package org.coloc.cases.control;

/** What a bounce's status code (RFC 3463) means for the address it names. Pure code. */
public final class DeliveryStatus {

    private DeliveryStatus() {
    }

    /**
     * A delay warning or temporary failure ({@code 4.x.x}): the mail may still arrive, so the address is never
     * marked failing for it. A {@code 5.x.x} status, or none, counts as permanent.
     */
    public static boolean isDelay(String status) {
        return status != null && status.strip().startsWith("4.");
    }
}
