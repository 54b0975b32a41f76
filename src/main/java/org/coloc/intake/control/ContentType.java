package org.coloc.intake.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Content-Type or Content-Disposition: lower-case type and parameters with RFC 2231
 * continuations and charsets resolved and RFC 2047 words decoded (both occur in file names).
 */
record ContentType(String type, Map<String, String> params) {

    static final ContentType TEXT_PLAIN = new ContentType("text/plain", Map.of());

    String param(String name) {
        return params.get(name);
    }

    String primary() {
        int slash = type.indexOf('/');
        return slash < 0 ? type : type.substring(0, slash);
    }

    boolean is(String t) {
        return type.equals(t);
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    /** @param fallback used when the value is missing or has no recognisable type */
    static ContentType parse(String value, ContentType fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<String> pieces = split(value);
        String t = pieces.get(0).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() > 1) {
            t = t.substring(1, t.length() - 1);
        }
        Map<String, String> params = parameters(pieces.subList(1, pieces.size()));
        if (!t.matches("[a-z0-9!#$&.+^_-]+/[a-z0-9!#$&.+^_-]+")) {
            if (t.equals("text")) {
                t = "text/plain";
            } else if (fallback != null) {
                return new ContentType(fallback.type(), params);
            }
        }
        return new ContentType(t, params);
    }

    /** For Content-Disposition, whose "type" is attachment/inline. */
    static ContentType parseDisposition(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> pieces = split(value);
        return new ContentType(pieces.get(0).trim().toLowerCase(Locale.ROOT), parameters(pieces.subList(1, pieces.size())));
    }

    /** Splits on ';' outside quotes; an unterminated quote runs to the end. */
    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted && c == '\\' && i + 1 < v.length()) {
                cur.append(c).append(v.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Map<String, String> parameters(List<String> pieces) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        for (String p : pieces) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(p.substring(eq + 1).trim());
            if (name.isEmpty()) {
                continue;
            }
            boolean extended = name.endsWith("*");
            String base = extended ? name.substring(0, name.length() - 1) : name;
            int star = base.indexOf('*');
            if (star > 0) {
                int idx;
                try {
                    idx = Integer.parseInt(base.substring(star + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                continued.computeIfAbsent(base.substring(0, star), k -> new TreeMap<>())
                        .put(idx, new String[] {value, extended ? "*" : ""});
            } else if (extended) {
                continued.computeIfAbsent(base, k -> new TreeMap<>()).put(0, new String[] {value, "*"});
            } else {
                plain.putIfAbsent(name, HeaderDecoder.decodeWords(value));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
            String joined = join2231(e.getValue());
            if (joined != null && !joined.isEmpty()) {
                plain.put(e.getKey(), joined);
            }
        }
        return plain;
    }

    private static String join2231(TreeMap<Integer, String[]> segments) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] seg : segments.values()) {
            String v = seg[0];
            if (seg[1].equals("*")) {
                if (first) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = v.substring(0, q1);
                        v = v.substring(q2 + 1);
                    }
                }
                percentDecode(v, bytes);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
            first = false;
        }
        byte[] b = bytes.toByteArray();
        return HeaderDecoder.decodeWords(TextDecoding.decode(b, charset));
    }

    private static void percentDecode(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() + 0 + 1 && i + 2 <= v.length() - 1
                    && TextDecoding.hex((byte) v.charAt(i + 1)) >= 0 && TextDecoding.hex((byte) v.charAt(i + 2)) >= 0) {
                out.write((TextDecoding.hex((byte) v.charAt(i + 1)) << 4) | TextDecoding.hex((byte) v.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
    }

    private static String unquote(String v) {
        if (v.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length()) {
                    sb.append(v.charAt(++i));
                } else if (c == '"') {
                    break;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return v;
    }
}
