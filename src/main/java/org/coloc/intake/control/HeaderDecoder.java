package org.coloc.intake.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.coloc.platform.TextSpans;

/**
 * Decodes header values as senders really write them: RFC 2047 encoded words glued to text or split in the
 * middle of a character, undeclared 8-bit bytes, broken address lists and message ids.
 */
final class HeaderDecoder {

    private HeaderDecoder() {
    }

    /**
     * Raw header bytes to text: headers have no charset of their own, so valid UTF-8 wins, then the charset
     * the message declares for its body (a sender writing Shift_JIS headers does so for the body too),
     * then windows-1252.
     */
    static String rawToString(byte[] b, int off, int len, Charset hint) {
        if (TextDecoding.isAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        String utf8 = TextDecoding.strictUtf8(b, off, len);
        if (utf8 != null) {
            return utf8;
        }
        if (hint != null && !hint.equals(StandardCharsets.UTF_8)) {
            try {
                return new String(b, off, len, hint);
            } catch (RuntimeException ignored) {
                // fall through to windows-1252
            }
        }
        return new String(b, off, len, TextDecoding.WINDOWS_1252);
    }

    /** Joins folded lines; the CRLF disappears, the whitespace that follows stays (RFC 5322 2.2.3). */
    static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Longer header values are decoded up to here and the rest is kept as it came: no real header needs more
     * (the longest in the corpora are References and address lists of a few KB), and a 25 MB header of encoded
     * words must not cost more than reading it once.
     */
    static final int MAX_DECODED_HEADER_CHARS = 64 * 1024;
    /** An encoded word is at most 75 characters (RFC 2047 2); senders overshoot, but not by this much. */
    static final int MAX_ENCODED_WORD_CHARS = 4096;

    /**
     * Lenient RFC 2047: encoded words may touch ordinary text, whitespace between two encoded words goes,
     * consecutive words of one charset are joined before decoding (senders split multi-byte characters),
     * bad base64 padding and unknown charsets degrade instead of failing. Linear in the length of the value:
     * every search moves forward only, and where the next "?=" and "=?" lie is remembered.
     */
    static String decodeWords(String value) {
        if (value == null || value.indexOf("=?") < 0) {
            return value;
        }
        String s = value.length() > MAX_DECODED_HEADER_CHARS ? value.substring(0, MAX_DECODED_HEADER_CHARS) : value;
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int i = 0;
        int n = s.length();
        int lastWordEnd = -1;
        WordScanner scanner = new WordScanner(s);
        while (i < n) {
            int start = s.indexOf("=?", i);
            if (start < 0) {
                break;
            }
            int[] word = scanner.scan(start);
            if (word == null) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(s, i, start + 2);
                i = start + 2;
                lastWordEnd = -1;
                continue;
            }
            boolean onlySpace = lastWordEnd == i && TextSpans.isBlank(s, i, start);
            String charset = s.substring(start + 2, word[0]);
            char enc = Character.toUpperCase(s.charAt(word[0] + 1));
            String text = s.substring(word[1], word[2]);
            byte[] bytes = enc == 'B' ? TextDecoding.base64(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length())
                    : qDecode(text);
            if (!onlySpace || !charset.equalsIgnoreCase(pendingCharset == null ? "" : pendingCharset)) {
                flush(out, pending, pendingCharset);
                if (!onlySpace) {
                    out.append(s, i, start);
                }
                pendingCharset = charset;
            }
            pending.write(bytes, 0, bytes.length);
            i = word[2] + 2;
            lastWordEnd = i;
        }
        flush(out, pending, pendingCharset);
        if (i < n) {
            out.append(s, i, n);
        }
        if (s.length() < value.length()) {
            out.append(value, s.length(), value.length());
        }
        return out.toString();
    }

    /**
     * Finds encoded words left to right. Word starts only ever move forward, so the next "?=" (end of a word)
     * and the next "=?" (start of another) found for one word stay valid for the following ones: each is
     * searched for once per occurrence, not once per word, which keeps a header of many unclosed words linear.
     */
    private static final class WordScanner {
        private final String s;
        private int closeFrom = -1;
        private int close = -1;
        private int openFrom = -1;
        private int open = -1;

        WordScanner(String s) {
            this.s = s;
        }

        private int nextClose(int from) {
            if (closeFrom < 0 || from < closeFrom || (close >= 0 && close < from)) {
                close = s.indexOf("?=", from);
                closeFrom = from;
            } else if (close < 0) {
                return -1; // none after an earlier position, so none after this one either
            }
            return close;
        }

        private int nextOpen(int from) {
            if (openFrom < 0 || from < openFrom || (open >= 0 && open < from)) {
                open = s.indexOf("=?", from);
                openFrom = from;
            } else if (open < 0) {
                return -1;
            }
            return open;
        }

        private int blankFrom = -1;
        private int blank = -1;

        /** The next space or tab at or after {@code from}, or -1; remembered like the others. */
        private int nextBlank(int from) {
            if (blankFrom < 0 || from < blankFrom || (blank >= 0 && blank < from)) {
                blank = -1;
                for (int k = from; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (c == ' ' || c == '\t') {
                        blank = k;
                        break;
                    }
                }
                blankFrom = from;
            }
            return blank;
        }

        /** {charsetEnd, textStart, textEnd} of the encoded word at {@code start}, or null if there is none. */
        int[] scan(int start) {
            int n = s.length();
            int q1 = -1;
            for (int k = start + 2; k < n && k - start <= 80; k++) {
                char c = s.charAt(k);
                if (c == '?') {
                    q1 = k;
                    break;
                }
                if (c <= ' ' || c == '=' || c > 126) {
                    return null;
                }
            }
            if (q1 < 0 || q1 == start + 2) {
                return null;
            }
            if (q1 + 2 >= n || s.charAt(q1 + 2) != '?') {
                return null;
            }
            char enc = Character.toUpperCase(s.charAt(q1 + 1));
            if (enc != 'B' && enc != 'Q') {
                return null;
            }
            int textStart = q1 + 3;
            int end = nextClose(textStart);
            if (end < 0 || end - textStart > MAX_ENCODED_WORD_CHARS) {
                return null;
            }
            int blank = nextBlank(textStart);
            if (blank >= 0 && blank < end) {
                // a space inside is tolerated only in Q words that close before the next word starts
                if (enc == 'B') {
                    return null;
                }
                int next = nextOpen(textStart);
                if (next >= 0 && next < end) {
                    return null;
                }
            }
            return new int[] {q1, textStart, end};
        }
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() + 0 && i + 2 <= text.length() - 1
                    && TextDecoding.hex((byte) text.charAt(i + 1)) >= 0 && TextDecoding.hex((byte) text.charAt(i + 2)) >= 0) {
                out.write((TextDecoding.hex((byte) text.charAt(i + 1)) << 4) | TextDecoding.hex((byte) text.charAt(i + 2)));
                i += 2;
            } else if (c < 256) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        byte[] b = pending.toByteArray();
        pending.reset();
        out.append(TextDecoding.decode(b, charset));
    }

    /** Ids without angle brackets; garbage around the {@code <...>} tokens is ignored. */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int i = 0;
        while (true) {
            int lt = value.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            int gt = value.indexOf('>', lt + 1);
            if (gt < 0) {
                break;
            }
            String id = value.substring(lt + 1, gt).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add(id);
            }
            i = gt + 1;
        }
        if (ids.isEmpty()) {
            for (String token : value.trim().split("[\\s,]+")) {
                if (token.indexOf('@') > 0) {
                    ids.add(token.replace("<", "").replace(">", ""));
                }
            }
        }
        return ids;
    }

    static String firstMessageId(String value) {
        List<String> ids = messageIds(value);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        if (value == null) {
            return null;
        }
        String v = value.trim();
        return v.isEmpty() || v.contains(" ") ? null : v;
    }

    /**
     * At most this many addresses are read from one address header: real mail to a support address copies a
     * few people, and every address read becomes work downstream (each Cc is a participant row of the case: 1,000
     * of them cost ~10 s of a loaded server). Beyond, the header keeps them all (headers, raw bytes) but
     * nothing acts on them, and a warning says so.
     */
    static final int MAX_ADDRESSES = 100;
    /** The part of an address header given to the address parser; 100 long entries fit in it many times. */
    static final int MAX_ADDRESS_HEADER_CHARS = 64 * 1024;

    /** Lenient address list; entries without an address are dropped. Bounded: see {@link #MAX_ADDRESSES}. */
    static List<MailAddress> addresses(String value, List<String> warnings) {
        List<MailAddress> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        String read = value;
        if (read.length() > MAX_ADDRESS_HEADER_CHARS) {
            // cut after the last separator inside the bound, so that no address is read half
            int cut = Math.max(read.lastIndexOf(',', MAX_ADDRESS_HEADER_CHARS), read.lastIndexOf(';', MAX_ADDRESS_HEADER_CHARS));
            read = read.substring(0, cut > 0 ? cut : MAX_ADDRESS_HEADER_CHARS);
        }
        try {
            for (InternetAddress a : InternetAddress.parseHeader(read, false)) {
                addAddress(out, a);
                if (out.size() >= MAX_ADDRESSES) {
                    break;
                }
            }
        } catch (AddressException | RuntimeException e) {
            out.clear();
            warnings.add("address list not parseable, addresses extracted: " + abbreviate(value));
            for (String addr : extractAddresses(read)) {
                out.add(new MailAddress(null, addr));
                if (out.size() >= MAX_ADDRESSES) {
                    break;
                }
            }
        }
        if (read.length() < value.length() || out.size() >= MAX_ADDRESSES) {
            if (out.size() > MAX_ADDRESSES) {
                out.subList(MAX_ADDRESSES, out.size()).clear();
            }
            warnings.add("address header of " + value.length() + " characters: only the first " + out.size()
                    + " addresses read, the header itself is kept whole");
        }
        return out;
    }

    private static void addAddress(List<MailAddress> out, InternetAddress a) throws AddressException {
        if (a.isGroup()) {
            InternetAddress[] members = a.getGroup(false);
            if (members != null) {
                for (InternetAddress m : members) {
                    addAddress(out, m);
                }
            }
            return;
        }
        String address = a.getAddress();
        if (address == null) {
            return;
        }
        address = address.trim();
        if (address.indexOf('@') < 0) {
            return;
        }
        if (address.indexOf('<') >= 0 || address.indexOf('>') >= 0 || address.indexOf(' ') >= 0) {
            // the lenient parser gave up on this entry and returned its raw text
            List<String> found = extractAddresses(address);
            if (found.isEmpty()) {
                return;
            }
            out.add(new MailAddress(null, found.get(0)));
            return;
        }
        String name = a.getPersonal();
        if (name != null) {
            name = decodeWords(name).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).trim();
            }
            if (name.isEmpty()) {
                name = null;
            }
        }
        out.add(new MailAddress(name, address));
    }

    /** Every something@something token, for address headers no parser accepts. */
    static List<String> extractAddresses(String s) {
        List<String> out = new ArrayList<>();
        int at = s.indexOf('@');
        while (at >= 0) {
            int b = at;
            while (b > 0 && isAddrChar(s.charAt(b - 1))) {
                b--;
            }
            int e = at + 1;
            while (e < s.length() && isAddrChar(s.charAt(e))) {
                e++;
            }
            while (e > at + 1 && s.charAt(e - 1) == '.') {
                e--;
            }
            if (b < at && e > at + 1) {
                out.add(s.substring(b, e));
            }
            at = s.indexOf('@', Math.max(e, at + 1));
        }
        return out;
    }

    private static boolean isAddrChar(char c) {
        return c > ' ' && c < 127 && "<>()[]\\,;:\"'@`".indexOf(c) < 0;
    }

    static Instant date(String value, List<String> warnings) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Date d = new MailDateFormat().parse(value.trim(), new ParsePosition(0));
            if (d != null) {
                return d.toInstant();
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        warnings.add("unparseable Date: " + abbreviate(value));
        return null;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
