package org.coloc.outbox.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message-IDs of the mails we send for a case or as a maintenance notice: they carry the case number (or the
 * maintenance and the member) and a keyed hash (HMAC), so a reply naming one threads into its case, and a
 * forged one is not trusted. Pure code.
 *
 * <p>Form: {@code case-<N>.<random>.<mac>@<domain>}; random is 80 random bits and mac the first 80 bits of
 * HMAC-SHA256(key, "<N>.<random>"), both as 16 lower-case base32 characters (letters and 2–7: safe in a
 * Message-ID and through case-mangling relays, which is why the check ignores case). A notice's is
 * {@code notice-<maintenance>-<member>.<random>.<mac>@<domain>} with mac over
 * {@code "notice:<maintenance>-<member>.<random>"}: a case's MAC input starts with a digit, a notice's with a
 * letter, so no MAC of one kind ever checks out as the other. Thread-safe.
 */
public final class OutgoingIds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int RANDOM_BYTES = 10;
    private static final int MAC_BYTES = 10;
    private static final int MIN_KEY_BYTES = 16;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** Canonical decimal only (no sign, no leading zero), so one case has one spelling the MAC covers. */
    private static final Pattern LOCAL = Pattern.compile("case-([1-9][0-9]{0,18})\\.([a-z2-7]{16})\\.([a-z2-7]{16})");
    /** Every part bounded and no part can match another's characters: matched in time linear in the id. */
    private static final Pattern NOTICE_LOCAL = Pattern.compile(
            "notice-([1-9][0-9]{0,18})-([1-9][0-9]{0,18})\\.([a-z2-7]{16})\\.([a-z2-7]{16})");
    /** A comment's ({@code comment-<id>}) or its moderation mail's ({@code moderation-<id>}). */
    private static final Pattern COMMENT_LOCAL = Pattern.compile(
            "(comment|moderation)-([1-9][0-9]{0,18})\\.([a-z2-7]{16})\\.([a-z2-7]{16})");
    /** Longest id looked at: ours are far shorter. */
    private static final int MAX_ID = 300;

    private final byte[] key;
    private final String domain;
    private final SecureRandom random = new SecureRandom();

    public OutgoingIds(byte[] key, String domain) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the Message-ID key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        if (domain == null || domain.isBlank() || !domain.strip().matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a domain for Message-IDs: " + domain);
        }
        this.key = key.clone();
        this.domain = domain.strip().toLowerCase(Locale.ROOT);
    }

    /** A new Message-ID (without angle brackets) for a mail of this case. */
    public String create(long caseNumber) {
        if (caseNumber <= 0) {
            throw new IllegalArgumentException("case number must be positive: " + caseNumber);
        }
        String nonce = nonce();
        return "case-" + caseNumber + "." + nonce + "." + base32(mac(caseNumber + "." + nonce)) + "@" + domain;
    }

    /** A new Message-ID (without angle brackets) for a notice of this maintenance to this member. */
    public String createNotice(long maintenanceId, long memberId) {
        if (maintenanceId <= 0 || memberId <= 0) {
            throw new IllegalArgumentException("maintenance and member ids must be positive: " + maintenanceId + ", "
                    + memberId);
        }
        String nonce = nonce();
        return "notice-" + maintenanceId + "-" + memberId + "." + nonce + "."
                + base32(mac(noticeInput(maintenanceId, memberId, nonce))) + "@" + domain;
    }

    /**
     * The maintenance and member of one of our notice Message-IDs whose hash checks out; empty when it is not
     * ours, forged, or a case's.
     */
    public Optional<NewMail.NoticeThread> noticeOf(String messageId) {
        Matcher m = ours(messageId, NOTICE_LOCAL);
        long[] ids = numbers(m, 1, 2);
        return ids != null && verified(noticeInput(ids[0], ids[1], m.group(3)), m.group(4))
                ? Optional.of(new NewMail.NoticeThread(ids[0], ids[1])) : Optional.empty();
    }

    /**
     * A new Message-ID for a mail about this comment: a notification to a reader ({@code comment-<id>}; an answer
     * to it is a reply to that comment) or the admin's moderation mail ({@code moderation-<id>}; an answer to it
     * is never a comment). The MAC input starts with the prefix, so neither checks out as the other, a case's
     * or a notice's.
     */
    public String createComment(NewMail.CommentThread thread) {
        if (thread.commentId() <= 0) {
            throw new IllegalArgumentException("comment id must be positive: " + thread.commentId());
        }
        String prefix = thread.moderation() ? "moderation" : "comment";
        String nonce = nonce();
        return prefix + "-" + thread.commentId() + "." + nonce + "."
                + base32(mac(prefix + ":" + thread.commentId() + "." + nonce)) + "@" + domain;
    }

    /** The comment (and whether it was its moderation mail) of one of our ids whose hash checks out; else empty. */
    public Optional<NewMail.CommentThread> commentOf(String messageId) {
        Matcher m = ours(messageId, COMMENT_LOCAL);
        long[] ids = numbers(m, 2);
        return ids != null && verified(m.group(1) + ":" + ids[0] + "." + m.group(3), m.group(4))
                ? Optional.of(new NewMail.CommentThread(ids[0], m.group(1).equals("moderation"))) : Optional.empty();
    }

    /** The case of one of our Message-IDs whose hash checks out, or null (not ours, or forged). */
    public Long caseOf(String messageId) {
        Matcher m = ours(messageId, LOCAL);
        long[] ids = numbers(m, 1);
        return ids != null && verified(ids[0] + "." + m.group(2), m.group(3)) ? ids[0] : null;
    }

    /** The match of {@code local} against the part left of the {@code @} of one of our ids; null when it is none. */
    private Matcher ours(String messageId, Pattern local) {
        String part = localPart(messageId);
        if (part == null) {
            return null;
        }
        Matcher m = local.matcher(part);
        return m.matches() ? m : null;
    }

    /** These groups as numbers; null for no match, or a number above Long.MAX_VALUE (never one of ours). */
    private static long[] numbers(Matcher m, int... groups) {
        if (m == null) {
            return null;
        }
        long[] numbers = new long[groups.length];
        try {
            for (int i = 0; i < groups.length; i++) {
                numbers[i] = Long.parseLong(m.group(groups[i]));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return numbers;
    }

    /** The part left of the {@code @}, lower-case, when the id is of our domain; else null. */
    private String localPart(String messageId) {
        if (messageId == null || messageId.length() > MAX_ID) {
            return null;
        }
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        int at = id.lastIndexOf('@');
        if (at <= 0 || !id.substring(at + 1).equalsIgnoreCase(domain)) {
            return null;
        }
        return id.substring(0, at).toLowerCase(Locale.ROOT);
    }

    private static String noticeInput(long maintenanceId, long memberId, String nonce) {
        return "notice:" + maintenanceId + "-" + memberId + "." + nonce;
    }

    private boolean verified(String input, String givenMac) {
        byte[] expected = base32(mac(input)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, givenMac.getBytes(StandardCharsets.US_ASCII));
    }

    private String nonce() {
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        return base32(r);
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] full = mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** RFC 4648 base32, lower-case, no padding; 10 bytes → 16 characters. */
    static String base32(byte[] bytes) {
        StringBuilder sb = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }
}
