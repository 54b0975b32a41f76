package org.coloc.intake.control;

/**
 * The verdict on a mail. For bounces, {@code failedRecipient} and {@code status} (RFC 3463, e.g. 5.1.1)
 * are filled when found; {@code reason} is a short human explanation of why this kind was chosen.
 *
 * <p>{@code failedRecipient} is the address the bounced mail was sent to (a DSN's original recipient before its
 * final one); a success report names none. A {@code status} starting with "4." is a delay: the address is still
 * being tried and must never be marked failing (delay warnings always get one, "4.0.0" when they give no code);
 * "5.x.x" or none means permanent.
 */
public record Classification(MailKind kind, String failedRecipient, String status, String reason) {

    public static Classification of(MailKind kind, String reason) {
        return new Classification(kind, null, null, reason);
    }
}
