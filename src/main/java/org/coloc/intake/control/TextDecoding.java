package org.coloc.intake.control;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes to text the way real mail needs it: charset labels are often wrong, unknown or missing,
 * and transfer encodings are often misspelt. Nothing here throws on bad input.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels seen in the wild that Java does not know, or knows under a narrower charset. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("utf-8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("latin-1", "windows-1252"),
            // ISO-8859-1 and ASCII labels usually mean "whatever Windows wrote": 1252 is a superset in practice
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("ksc5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("iso-8859-6-e", "ISO-8859-6"),
            Map.entry("gb2312", "GBK"),
            Map.entry("gb_2312-80", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("iso-2022-jp", "ISO-2022-JP"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"));

    private static final java.util.Set<String> ASCII_LIKE = java.util.Set.of("windows-1252");

    private TextDecoding() {
    }

    /** The charset to use for a label, or null when the label is missing, unknown or meaningless (x-unknown). */
    static Charset resolve(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.startsWith("\"") || l.endsWith("\"") || l.startsWith("'")) {
            l = l.replace("\"", "").replace("'", "").trim();
        }
        int star = l.indexOf('*'); // RFC 2231 language suffix
        if (star > 0) {
            l = l.substring(0, star);
        }
        if (l.isEmpty()) {
            return null;
        }
        String mapped = ALIASES.get(l);
        if (CHARSETS.size() > 1000) {
            CHARSETS.clear(); // hostile mail could invent endless names
        }
        return CHARSETS.computeIfAbsent(mapped != null ? mapped : l, TextDecoding::lookup).orElse(null);
    }

    // Charset.forName scans the class path for providers on every unknown name: remember every answer
    private static final java.util.Map<String, java.util.Optional<Charset>> CHARSETS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Optional<Charset> lookup(String name) {
        try {
            return java.util.Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Decodes text declared in {@code label}. Unknown labels are guessed; a Latin/ASCII label over bytes that
     * are valid UTF-8 with non-ASCII content is trusted less than the bytes.
     */
    static String decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    static String decode(byte[] bytes, int off, int len, String label) {
        Charset cs = resolve(label);
        if (cs == null) {
            return guess(bytes, off, len);
        }
        if (cs.equals(StandardCharsets.UTF_8) || ASCII_LIKE.contains(cs.name().toLowerCase(Locale.ROOT))
                || cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
            if (isAscii(bytes, off, len)) {
                return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
            }
            if (cs.equals(StandardCharsets.UTF_8)) {
                return new String(bytes, off, len, StandardCharsets.UTF_8);
            }
            return guess(bytes, off, len);
        }
        try {
            return new String(bytes, off, len, cs);
        } catch (RuntimeException e) {
            return guess(bytes, off, len);
        }
    }

    /** No trustworthy label: valid UTF-8 is UTF-8, anything else is taken as windows-1252 (never fails). */
    static String guess(byte[] bytes, int off, int len) {
        String utf8 = strictUtf8(bytes, off, len);
        return utf8 != null ? utf8 : new String(bytes, off, len, WINDOWS_1252);
    }

    static String strictUtf8(byte[] bytes, int off, int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Undoes a Content-Transfer-Encoding. Unknown or misspelt values ("7-bit", "plain", "text/html") are
     * identity: the bytes are most likely already readable.
     */
    static byte[] transferDecode(byte[] raw, int off, int len, String encoding, List<String> warnings) {
        String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        switch (enc) {
            case "base64":
                return base64(raw, off, len);
            case "quoted-printable":
                return quotedPrintable(raw, off, len);
            case "uuencode", "x-uuencode", "x-uue", "uue":
                return uudecode(raw, off, len, warnings);
            default:
                byte[] copy = new byte[len];
                System.arraycopy(raw, off, copy, 0, len);
                if (!enc.isEmpty() && !enc.equals("7bit") && !enc.equals("8bit") && !enc.equals("binary")) {
                    warnings.add("unknown Content-Transfer-Encoding '" + encoding.trim() + "' read as-is");
                }
                return copy;
        }
    }

    /** Skips anything outside the alphabet and tolerates missing or excess padding. */
    static byte[] base64(byte[] raw, int off, int len) {
        byte[] out = new byte[len * 3 / 4 + 3];
        int o = 0;
        int acc = 0;
        int bits = 0;
        for (int i = off; i < off + len; i++) {
            int v = b64(raw[i]);
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return java.util.Arrays.copyOf(out, o);
    }

    /** Value of each byte in the base64 alphabet (also the URL-safe one), -1 outside it. */
    private static final byte[] B64 = new byte[256];

    static {
        java.util.Arrays.fill(B64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            B64[alphabet.charAt(i)] = (byte) i;
        }
        B64['-'] = 62;
        B64['_'] = 63;
    }

    private static int b64(byte c) {
        return B64[c & 0xff];
    }


    /** Soft line breaks with trailing blanks and stray '=' are kept readable rather than rejected. */
    static byte[] quotedPrintable(byte[] raw, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            byte c = raw[i];
            if (c == '=') {
                int h1 = i + 1 < end ? hex(raw[i + 1]) : -1;
                int h2 = i + 2 < end ? hex(raw[i + 2]) : -1;
                if (h1 >= 0 && h2 >= 0) {
                    out.write((h1 << 4) | h2);
                    i += 3;
                    continue;
                }
                // soft line break, possibly with whitespace before the newline
                int j = i + 1;
                while (j < end && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                if (j >= end) {
                    i = j;
                    continue;
                }
                if (raw[j] == '\r' && j + 1 < end && raw[j + 1] == '\n') {
                    i = j + 2;
                    continue;
                }
                if (raw[j] == '\n' || raw[j] == '\r') {
                    i = j + 1;
                    continue;
                }
                out.write(c);
                i++;
                continue;
            }
            if (c == ' ' || c == '\t') {
                // trailing whitespace before a hard line break is transport padding
                int j = i;
                while (j < end && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                if (j < end && (raw[j] == '\r' || raw[j] == '\n')) {
                    i = j;
                    continue;
                }
                out.write(raw, i, j - i);
                i = j;
                continue;
            }
            out.write(c);
            i++;
        }
        return out.toByteArray();
    }

    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static byte[] uudecode(byte[] raw, int off, int len, List<String> warnings) {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw, off, len), "uuencode")) {
            return in.readAllBytes();
        } catch (Exception e) {
            warnings.add("uuencoded body could not be decoded, kept as-is");
            byte[] copy = new byte[len];
            System.arraycopy(raw, off, copy, 0, len);
            return copy;
        }
    }
}
