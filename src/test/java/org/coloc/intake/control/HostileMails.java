package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generated mails shaped to make a parser or the quote stripping slow, each about the size an attacker can send
 * under the default size limit. Shared by the unit tests, the mime4j comparison and {@code HostileParsingIT}.
 */
public final class HostileMails {

    private HostileMails() {
    }

    /** Every hostile mail by name, in a stable order. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("blank lines and sign-offs", blankLinesAndSignOffs());
        m.put("quoted lines and attributions", quotedLinesAndAttributions());
        m.put("unclosed encoded words", unclosedEncodedWords());
        m.put("deep nesting", deepNesting());
        m.put("3000 parts", manyParts());
        m.put("50000 addresses", manyAddresses());
        m.put("long line without spaces", longLineWithoutSpaces());
        m.put("huge single header line", hugeHeaderLine());
        m.put("many headers", manyHeaders());
        m.put("html of many tags", htmlOfManyTags());
        return m;
    }

    static String head(String subject) {
        return "From: Mallory <mallory@example.net>\r\nTo: support@example.org\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + Math.abs(subject.hashCode()) + "." + System.nanoTime() + "@example.net>\r\n"
                + "Date: Sat, 28 Nov 2026 12:00:00 +0000\r\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(String unit, int targetBytes) {
        return unit.repeat(Math.max(1, targetBytes / unit.length()));
    }

    /** 1.2 MB of blank lines and repeated sign-offs: each sign-off used to send the stripping back to the top. */
    public static byte[] blankLinesAndSignOffs() {
        return bytes(head("blank lines") + "\r\nHello, my server is down.\r\n"
                + repeat("\r\n\r\n\r\nRegards,\r\n\r\nJohn\r\n\r\n-- \r\nJohn\r\n", 1_200_000));
    }

    /** Quoted lines under attribution lines, interleaved with own text, again and again. */
    public static byte[] quotedLinesAndAttributions() {
        return bytes(head("quoted lines") + "\r\nHello\r\n"
                + repeat("On Mon, 1 Jan 2024 at 10:00, Bob <bob@example.org> wrote:\r\n> a quoted line that is long "
                        + "enough to count as a lazily wrapped one, yes indeed\r\nwrapped rest\r\nown text\r\n", 1_200_000));
    }

    /** A 1.5 MB Subject of encoded words that never close. */
    public static byte[] unclosedEncodedWords() {
        return bytes(head("x").replace("Subject: x\r\n", "") + "Subject: "
                + repeat("=?utf-8?q?caf=C3=A9 ", 1_500_000) + "\r\n\r\nbody\r\n");
    }

    /** Multiparts nested 1,000 deep. */
    public static byte[] deepNesting() {
        StringBuilder sb = new StringBuilder(head("deep nesting"));
        sb.append("MIME-Version: 1.0\r\n");
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\nthe innermost text\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return bytes(sb.toString());
    }

    /** 3,000 small parts, text and HTML alternating. */
    public static byte[] manyParts() {
        StringBuilder sb = new StringBuilder(head("many parts"));
        sb.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("--p\r\n");
            if (i % 2 == 0) {
                sb.append("Content-Type: text/plain; charset=utf-8\r\n\r\npart ").append(i).append("\r\n");
            } else {
                sb.append("Content-Type: text/html; charset=utf-8\r\n\r\n<p>part ").append(i).append("</p>\r\n");
            }
        }
        sb.append("--p--\r\n");
        return bytes(sb.toString());
    }

    /** A To header of 50,000 addresses. */
    public static byte[] manyAddresses() {
        StringBuilder sb = new StringBuilder("From: Mallory <mallory@example.net>\r\nSubject: many addresses\r\n"
                + "Message-ID: <many-addresses." + System.nanoTime() + "@example.net>\r\nTo: ");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i == 0 ? "" : ",\r\n ").append("\"User ").append(i).append("\" <u").append(i).append("@example.org>");
        }
        sb.append("\r\nCc: ");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i == 0 ? "" : ", ").append("c").append(i).append("@example.org");
        }
        sb.append("\r\n\r\nbody\r\n");
        return bytes(sb.toString());
    }

    /** 1.2 MB of text on one line without a single blank. */
    public static byte[] longLineWithoutSpaces() {
        return bytes(head("long line") + "\r\n" + repeat("abcdefghij", 1_200_000) + "\r\n");
    }

    /** One unfolded 1.2 MB header line. */
    public static byte[] hugeHeaderLine() {
        return bytes(head("huge header") + "X-Junk: " + repeat("a=b;c ", 1_200_000) + "\r\n\r\nbody\r\n");
    }

    /** 60,000 short header fields. */
    public static byte[] manyHeaders() {
        StringBuilder sb = new StringBuilder(head("many headers"));
        for (int i = 0; i < 60_000; i++) {
            sb.append("X-H").append(i).append(": =?utf-8?q?v").append(i).append("?=\r\n");
        }
        sb.append("\r\nbody\r\n");
        return bytes(sb.toString());
    }

    /** 1.2 MB of HTML: many nested unclosed tags and blank paragraphs. */
    public static byte[] htmlOfManyTags() {
        return bytes(head("html") + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>"
                + repeat("<div><p>Regards,</p>\r\n<blockquote>&gt; q\r\n", 1_200_000) + "\r\n");
    }
}
