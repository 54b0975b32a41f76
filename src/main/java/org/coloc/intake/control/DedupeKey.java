package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identity of a mail for de-duplication. A re-delivery, a restart or a crash between commit and IMAP move
 * must never store a mail twice, yet a second, different mail that reuses a Message-ID (real mailers do) must
 * never be taken for the first and dropped. So the key of a mail with a Message-ID is a hash of that id and of
 * what the sender wrote: the body and the originator headers. Trace headers that each delivering server adds
 * (Received, Return-Path, Delivered-To, X-…) stay out of it, so a true re-delivery keeps its key. A mail
 * without a Message-ID is keyed by a hash of its exact bytes, as before.
 */
public final class DedupeKey {

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    /**
     * Written by the sender and left alone by relays: a copy differing here is another mail. Bcc is dropped on
     * the way, trace and X- headers are added on the way, so neither is in.
     */
    private static final Set<String> ORIGINATOR_HEADERS = Set.of("from", "sender", "reply-to", "to", "cc",
            "subject", "date", "in-reply-to", "references", "mime-version", "content-type",
            "content-transfer-encoding", "content-disposition");

    private DedupeKey() {
    }

    public static String of(byte[] raw) {
        String messageId = RawHeaders.messageId(raw);
        if (messageId == null) {
            return "sha:" + sha256(raw);
        }
        MessageDigest digest = sha256();
        digest.update(messageId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        int headerEnd = headerEnd(raw);
        for (String field : originatorFields(raw, headerEnd)) {
            digest.update(field.getBytes(StandardCharsets.ISO_8859_1));
            digest.update((byte) '\n');
        }
        digest.update((byte) 0);
        updateWithBody(digest, raw, bodyStart(raw, headerEnd));
        return "msg:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The key the previous versions gave a mail with a Message-ID (the id alone), or null for a mail without
     * one (whose key did not change). A mail stored under it is the same mail only if its bytes give the same
     * {@link #of} key: the caller checks that against the stored raw bytes.
     */
    public static String legacy(byte[] raw) {
        String messageId = RawHeaders.messageId(raw);
        if (messageId == null) {
            return null;
        }
        String id = messageId.toLowerCase(Locale.ROOT);
        return id.length() <= 100 ? "id:" + id : "idh:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Originator fields, unfolded, whitespace collapsed, name lower-cased, sorted by name (stable). */
    static List<String> originatorFields(byte[] raw, int headerEnd) {
        String block = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current != null) {
                    current.append(' ').append(line);
                }
                continue;
            }
            add(fields, current);
            current = new StringBuilder(line);
        }
        add(fields, current);
        fields.sort((a, b) -> a.substring(0, a.indexOf(':')).compareTo(b.substring(0, b.indexOf(':'))));
        return fields;
    }

    private static void add(List<String> fields, StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon <= 0) {
            return;
        }
        String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (ORIGINATOR_HEADERS.contains(name)) {
            String value = field.substring(colon + 1).replaceAll("[ \t\r\n]+", " ").trim();
            fields.add(name + ":" + value);
        }
    }

    /**
     * The body with line ends as LF and trailing white space ignored: stores and relays differ in exactly
     * these (CRLF or LF on disk, a final line break kept or dropped), never in what the sender wrote.
     */
    private static void updateWithBody(MessageDigest digest, byte[] raw, int start) {
        int end = raw.length;
        while (end > start && isBlank(raw[end - 1])) {
            end--;
        }
        byte[] chunk = new byte[8192];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = raw[i];
            if (b == '\r' && i + 1 < end && raw[i + 1] == '\n') {
                continue;
            }
            chunk[n++] = b;
            if (n == chunk.length) {
                digest.update(chunk, 0, n);
                n = 0;
            }
        }
        digest.update(chunk, 0, n);
    }

    private static boolean isBlank(byte b) {
        return b == '\r' || b == '\n' || b == ' ' || b == '\t';
    }

    /** Index of the line break that ends the header block (or of the end of the scanned part). */
    static int headerEnd(byte[] raw) {
        int limit = Math.min(raw.length, MAX_HEADER_BYTES);
        for (int i = 0; i < limit - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return limit;
    }

    private static int bodyStart(byte[] raw, int headerEnd) {
        int i = headerEnd;
        if (i < raw.length && raw[i] == '\n') {
            i++;
        }
        if (i < raw.length && raw[i] == '\r') {
            i++;
        }
        if (i < raw.length && raw[i] == '\n') {
            i++;
        }
        return Math.min(i, raw.length);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
