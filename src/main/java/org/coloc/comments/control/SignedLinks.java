package org.coloc.comments.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed links of our comment mails: the admin's one-click moderation (publish, reject, spam comment 42) and
 * a reader's one-click unsubscription (stop comment mail to address X). A link is its own authority, needing no
 * login and no state on the server: it names an action, its object and an expiry, and carries an HMAC-SHA256 of
 * all three under the application's own key, checked in constant time. Pure code.
 *
 * <p>Query form (every value URL-safe, so nothing is percent-decoded):
 * {@code a=publish&c=42&e=1767225600&s=<43 base64url>} for a comment,
 * {@code a=unsubscribe&m=<base64url of the address>&e=…&s=…} for an address. The MAC covers
 * {@code "coloc-link/1\n" + action + "\n" + object + "\n" + expiry}: a version prefix, then fields that cannot
 * hold a line break, so no two different links share a MAC input.
 *
 * <p>The address of an unsubscribe link travels base64url-encoded, not encrypted: the link only ever goes to
 * that very address (in the headers of a mail to it) and to us over HTTPS, and our pages send no Referer, so
 * nobody who reads the link learns an address he did not already know; the encoding keeps it out of plain sight
 * in logs, and the link needs no table of tokens that would have to outlive every mail ever sent.
 */
public final class SignedLinks {

    /** What a link does; its label is the {@code a} parameter. */
    public enum Action {
        PUBLISH, REJECT, SPAM, UNSUBSCRIBE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Moderation acts on a comment; unsubscription on an address. */
        public boolean onComment() {
            return this != UNSUBSCRIBE;
        }

        static Action of(String label) {
            for (Action a : values()) {
                if (a.label().equals(label)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** A link's content: its action and object (a comment id, or an address, lower-case), and its expiry. */
    public record Link(Action action, long commentId, String address, Instant expires) {

        public Link {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(expires, "expires");
            if (action.onComment() ? commentId <= 0 || address != null : address == null || commentId != 0) {
                throw new IllegalArgumentException(action.label() + " names " + (action.onComment()
                        ? "a comment (positive id), no address" : "an address, no comment"));
            }
        }

        public static Link moderation(Action action, long commentId, Instant expires) {
            return new Link(action, commentId, null, expires);
        }

        public static Link unsubscribe(String address, Instant expires) {
            return new Link(Action.UNSUBSCRIBE, 0, address == null ? null : address.strip().toLowerCase(Locale.ROOT),
                    expires);
        }
    }

    /** What checking a link's query found. */
    public sealed interface Check permits Valid, Refused {
    }

    /** Signed by us and not expired. */
    public record Valid(Link link) implements Check {
    }

    /**
     * Not acted upon: {@code expired} (signed by us, but too old: the reader is told so, and may ask for a new
     * one) or not (missing, malformed or tampered: nothing is said about which).
     */
    public record Refused(boolean expired, String reason) implements Check {
    }

    /** Longest query looked at: ours are under 450 characters (a 254-character address encoded, and the MAC). */
    public static final int MAX_QUERY = 600;
    /** Longest address a link names (RFC 5321's path limit). */
    public static final int MAX_ADDRESS = 254;
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_PARAMETERS = 4;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "coloc-link/1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final Refused BAD = new Refused(false, "This link is not valid: it may have been cut or altered.");

    private final byte[] key;

    public SignedLinks(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the link key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The query of a signed link (without {@code ?}); appended to {@code <publicUrl>/moderate?} or {@code /unsubscribe?}. */
    public String query(Link link) {
        String object = object(link);
        long expiry = link.expires().getEpochSecond();
        return "a=" + link.action().label() + (link.action().onComment() ? "&c=" : "&m=") + object + "&e=" + expiry
                + "&s=" + B64.encodeToString(mac(link.action().label(), object, expiry));
    }

    /**
     * Checks a raw query string (as received, not decoded). In time linear in its length, which is bounded: each
     * parameter is named once, unknown or repeated ones are refused, values are of a fixed alphabet.
     */
    public Check check(String query, Instant now) {
        if (query == null || query.isEmpty() || query.length() > MAX_QUERY) {
            return BAD;
        }
        String a = null;
        String c = null;
        String m = null;
        String e = null;
        String s = null;
        int start = 0;
        int count = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (++count > MAX_PARAMETERS) {
                return BAD;
            }
            int eq = query.indexOf('=', start);
            if (eq < 0 || eq >= end) {
                return BAD;
            }
            String name = query.substring(start, eq);
            String value = query.substring(eq + 1, end);
            if (value.isEmpty() || !urlSafe(value)) {
                return BAD;
            }
            switch (name) {
                case "a" -> a = a == null ? value : "";
                case "c" -> c = c == null ? value : "";
                case "m" -> m = m == null ? value : "";
                case "e" -> e = e == null ? value : "";
                case "s" -> s = s == null ? value : "";
                default -> {
                    return BAD;
                }
            }
            start = end + 1;
        }
        Action action = Action.of(a);
        if (action == null || e == null || s == null || (action.onComment() ? c == null || m != null : m == null || c != null)) {
            return BAD;
        }
        String object = action.onComment() ? c : m;
        if (action.onComment() ? !canonicalNumber(c) : m.length() > 4 * (MAX_ADDRESS + 2) / 3) {
            return BAD;
        }
        if (!canonicalNumber(e) || s.length() != 43) {
            return BAD;
        }
        long expiry = Long.parseLong(e);
        byte[] given;
        try {
            given = B64_DECODER.decode(s);
        } catch (IllegalArgumentException x) {
            return BAD;
        }
        // the MAC first: what an altered link says (its expiry above all) is never believed, nor reported
        if (!MessageDigest.isEqual(mac(action.label(), object, expiry), given)) {
            return BAD;
        }
        Link link;
        if (action.onComment()) {
            link = Link.moderation(action, Long.parseLong(c), Instant.ofEpochSecond(expiry));
        } else {
            String address;
            try {
                address = new String(B64_DECODER.decode(m), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException x) {
                return BAD;
            }
            if (address.isBlank() || address.indexOf('@') < 1) {
                return BAD;
            }
            link = Link.unsubscribe(address, Instant.ofEpochSecond(expiry));
        }
        if (now.isAfter(link.expires())) {
            return new Refused(true, "This link expired on " + link.expires() + ".");
        }
        return new Valid(link);
    }

    private static String object(Link link) {
        if (link.action().onComment()) {
            return Long.toString(link.commentId());
        }
        byte[] address = link.address().getBytes(StandardCharsets.UTF_8);
        if (address.length > MAX_ADDRESS) {
            throw new IllegalArgumentException("an address has at most " + MAX_ADDRESS + " bytes");
        }
        return B64.encodeToString(address);
    }

    private byte[] mac(String action, String object, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((VERSION + "\n" + action + "\n" + object + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", x);
        }
    }

    /** Base64url letters only: no percent-encoding to undo, no second spelling of the same value. */
    private static boolean urlSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Decimal without sign or leading zero, that fits a long (18 digits): one spelling per number. */
    private static boolean canonicalNumber(String value) {
        if (value.isEmpty() || value.length() > 18 || value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
