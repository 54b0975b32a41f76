package org.coloc.intake.control;

/**
 * The verdict on a mail. For bounces, {@code failedRecipient} and {@code status} (RFC 3463, e.g. 5.1.1)
 * are filled when found; {@code reason} is a short human explanation of why this kind was chosen.
 */
public record Classification(MailKind kind, String failedRecipient, String status, String reason) {

    public static Classification of(MailKind kind, String reason) {
        return new Classification(kind, null, null, reason);
    }
}
