package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a few header fields straight from raw bytes, without MIME parsing: what de-duplication and
 * quarantine need even when the mail itself cannot be parsed. Pure code.
 */
public final class RawHeaders {

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private RawHeaders() {
    }

    /** The unfolded raw value of the first header named {@code name}, or null. */
    public static String first(byte[] raw, String name) {
        int end = headerEnd(raw);
        String block = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String wanted = name.toLowerCase(Locale.ROOT) + ":";
        String[] lines = block.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
                StringBuilder value = new StringBuilder(lines[i].substring(wanted.length()));
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    value.append(' ').append(lines[++i].trim());
                }
                return value.toString().trim();
            }
        }
        return null;
    }

    /** The Message-ID without angle brackets, or null when absent or empty. */
    public static String messageId(byte[] raw) {
        return cleanId(first(raw, "Message-ID"));
    }

    /** The first {@code <id>} of a header value (or the bare trimmed value), without brackets. */
    public static String cleanId(String value) {
        if (value == null) {
            return null;
        }
        int open = value.indexOf('<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        String id = close > open + 1 ? value.substring(open + 1, close) : value;
        id = id.trim().replaceAll("\\s+", "");
        return id.isEmpty() ? null : id;
    }

    private static int headerEnd(byte[] raw) {
        int limit = Math.min(raw.length, MAX_HEADER_BYTES);
        for (int i = 0; i < limit - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return limit;
    }
}
