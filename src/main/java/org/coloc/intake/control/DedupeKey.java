package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a mail for de-duplication: its Message-ID, or a hash of its bytes when it has none.
 * A re-delivery, a restart or a crash between commit and IMAP move then never stores a mail twice.
 */
public final class DedupeKey {

    private DedupeKey() {
    }

    public static String of(byte[] raw) {
        String messageId = RawHeaders.messageId(raw);
        if (messageId != null) {
            String id = messageId.toLowerCase(Locale.ROOT);
            // keep the key short enough for a unique index; long ids are hashed
            return id.length() <= 100 ? "id:" + id : "idh:" + sha256(id.getBytes(StandardCharsets.UTF_8));
        }
        return "sha:" + sha256(raw);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
