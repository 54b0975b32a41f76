package org.coloc.outbox.control;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A header a caller may add to a mail beyond those the outbox sets itself (From, To, Subject, Message-ID,
 * threading, Auto-Submitted…): only names from a short list, so no caller can override ours, and only values
 * that are one line of printable ASCII (a CR/LF would let a value start headers of its own; these headers hold
 * URIs and tokens, never words to encode). Long values are folded when sent. Pure code.
 */
public record ExtraHeader(String name, String value) {

    /** The names allowed, as they are written (RFC 2369 and RFC 8058 list headers). */
    public static final List<String> ALLOWED = List.of("List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");
    /** Longest value: folded, it still fits the stored column with the others. */
    public static final int MAX_VALUE = 900;
    /** RFC 8058: the only value {@code List-Unsubscribe-Post} has. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    public ExtraHeader {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        String given = name.strip();
        name = ALLOWED.stream().filter(a -> a.equalsIgnoreCase(given)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("header " + given + " may not be set: only "
                        + String.join(", ", ALLOWED)));
        // checked before anything is trimmed: a line break at either end is refused too, not quietly cut
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                throw new IllegalArgumentException(name + " must be one line of printable ASCII (character "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at " + i + ")");
            }
        }
        value = value.strip();
        if (value.isEmpty() || value.length() > MAX_VALUE) {
            throw new IllegalArgumentException(name + " must hold 1 to " + MAX_VALUE + " characters");
        }
        if (name.equals("List-Unsubscribe-Post") && !value.equals(ONE_CLICK)) {
            throw new IllegalArgumentException("List-Unsubscribe-Post is always " + ONE_CLICK + " (RFC 8058)");
        }
    }

    /**
     * {@code List-Unsubscribe} with one-click unsubscription (RFC 8058): a mailto and an https URI (plain http
     * only to a loopback host: a development setup, where {@code coloc.public-url} may be {@code http://127.0.0.1}).
     */
    public static List<ExtraHeader> unsubscribe(String mailto, String https) {
        boolean loopback = https.startsWith("http://127.") || https.startsWith("http://localhost:")
                || https.startsWith("http://localhost/");
        if (!mailto.startsWith("mailto:") || !https.startsWith("https://") && !loopback) {
            throw new IllegalArgumentException("List-Unsubscribe takes a mailto: and an https:// URI");
        }
        return List.of(new ExtraHeader("List-Unsubscribe", "<" + mailto + ">, <" + https + ">"),
                new ExtraHeader("List-Unsubscribe-Post", ONE_CLICK));
    }

    /** As stored: one {@code Name: value} line per header (values never hold a line break). */
    public static String store(List<ExtraHeader> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        return String.join("\n", headers.stream().map(h -> h.name() + ": " + h.value()).toList());
    }

    /** What {@link #store} wrote, checked again (a row edited by hand must not smuggle in a header). */
    public static List<ExtraHeader> stored(String lines) {
        if (lines == null || lines.isBlank()) {
            return List.of();
        }
        return lines.lines().filter(l -> !l.isBlank()).map(l -> {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a stored header: " + l);
            }
            return new ExtraHeader(l.substring(0, colon), l.substring(colon + 1));
        }).toList();
    }
}
