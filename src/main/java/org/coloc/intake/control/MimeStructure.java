package org.coloc.intake.control;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Splits raw bytes into a tree of {@link MimeEntity}. Hand-written rather than Jakarta Mail's parser so that
 * broken boundaries, missing headers and hostile nesting degrade with a warning instead of an exception,
 * and so that header bytes are still bytes when their charset is guessed.
 */
final class MimeStructure {

    /**
     * Bounds on the structure, far above real mail (the corpora nest at most 6 deep and have at most 60 parts):
     * a multipart deeper than this is kept whole as one attachment, and after this many parts the rest of the
     * mail is kept unread as one attachment. Each level and part costs one pass over its bytes.
     */
    static final int MAX_DEPTH = 30;
    static final int MAX_PARTS = 1000;
    /** Header fields read per entity: real mail has some dozens, long Received chains a few hundred. */
    static final int MAX_HEADER_FIELDS = 5000;
    static final String UNREAD_PARTS_NAME = "unread-mime-parts.txt";

    private final List<String> warnings;
    private int parts;
    private Charset headerHint;

    MimeStructure(List<String> warnings) {
        this.warnings = warnings;
    }

    /** The top-level message; null if the bytes have no header block at all. */
    MimeEntity parseMessage(byte[] raw) {
        int start = 0;
        // an mbox "From " separator line is not part of the message
        if (startsWith(raw, 0, "From ")) {
            start = lineEnd(raw, 0, raw.length);
        }
        // some exporters pad the front with blank lines; skip whole blank lines only
        int p = start;
        while (p < raw.length && (raw[p] == ' ' || raw[p] == '\t' || raw[p] == '\r' || raw[p] == '\n')) {
            if (raw[p] == '\n') {
                start = p + 1;
            }
            p++;
        }
        if (start >= raw.length || headerNameEnd(raw, start, raw.length) < 0) {
            return null;
        }
        headerHint = sniffCharset(raw, start);
        MimeEntity top = new MimeEntity();
        parseEntity(raw, start, raw.length, top, 0, ContentType.TEXT_PLAIN);
        return top;
    }

    /** Header fields only (for enclosed messages we do not descend into). */
    MimeEntity parseHeadersOnly(byte[] raw, int start, int end) {
        MimeEntity e = new MimeEntity();
        e.source = raw;
        e.bodyStart = readHeaders(raw, start, end, e);
        e.bodyEnd = end;
        return e;
    }

    private void parseEntity(byte[] src, int start, int end, MimeEntity e, int depth, ContentType defaultType) {
        parts++;
        e.source = src;
        e.bodyStart = readHeaders(src, start, end, e);
        e.bodyEnd = end;
        e.contentType = ContentType.parse(e.field("Content-Type"), defaultType);
        e.disposition = ContentType.parseDisposition(e.field("Content-Disposition"));
        if (!e.contentType.isMultipart()) {
            return;
        }
        if (depth >= MAX_DEPTH || parts >= MAX_PARTS) {
            warnings.add(depth >= MAX_DEPTH ? "MIME nesting deeper than " + MAX_DEPTH + " not followed"
                    : "more than " + MAX_PARTS + " MIME parts, rest not followed");
            e.truncated = true;
            return;
        }
        byte[] body = src;
        int bStart = e.bodyStart;
        int bEnd = end;
        String cte = HeaderDecoder.lower(e.transferEncoding());
        if (cte.equals("base64") || cte.equals("quoted-printable")) {
            // not allowed on multiparts, but some senders do it; the structure is inside the encoding
            body = TextDecoding.transferDecode(src, bStart, bEnd - bStart, cte, warnings);
            bStart = 0;
            bEnd = body.length;
        }
        String boundary = e.contentType.param("boundary");
        if (boundary == null || boundary.isEmpty()) {
            boundary = guessBoundary(body, bStart, bEnd);
            if (boundary == null) {
                warnings.add("multipart without boundary read as text");
                e.contentType = ContentType.TEXT_PLAIN;
                return;
            }
            warnings.add("multipart boundary missing, guessed from body");
        }
        split(body, bStart, bEnd, boundary.getBytes(StandardCharsets.ISO_8859_1), e, depth);
    }

    private void split(byte[] src, int start, int end, byte[] boundary, MimeEntity parent, int depth) {
        ContentType childDefault = parent.contentType.is("multipart/digest")
                ? new ContentType("message/rfc822", java.util.Map.of()) : ContentType.TEXT_PLAIN;
        int partStart = -1;
        int pos = start;
        boolean closed = false;
        while (pos < end) {
            int le = lineEnd(src, pos, end);
            int kind = delimiterKind(src, pos, le, boundary);
            if (kind != 0) {
                if (partStart >= 0) {
                    addChild(src, partStart, trimLineBreakBefore(src, partStart, pos), parent, depth, childDefault);
                    if (parts >= MAX_PARTS && kind != 2) {
                        // the parts read so far stay; the rest becomes one attachment of raw MIME, never lost
                        warnings.add("more than " + MAX_PARTS + " MIME parts, the rest kept unread as one attachment");
                        MimeEntity rest = new MimeEntity();
                        rest.source = src;
                        rest.bodyStart = pos;
                        rest.bodyEnd = end;
                        rest.contentType = new ContentType("application/octet-stream", Map.of("name", UNREAD_PARTS_NAME));
                        parent.children.add(rest);
                        return;
                    }
                }
                if (kind == 2) {
                    closed = true;
                    break;
                }
                partStart = le;
            }
            pos = le;
        }
        if (partStart < 0) {
            warnings.add("multipart boundary never found, body read as text");
            parent.contentType = ContentType.TEXT_PLAIN;
            return;
        }
        if (!closed) {
            warnings.add("multipart without final boundary");
            if (partStart < end) {
                addChild(src, partStart, end, parent, depth, childDefault);
            }
        }
    }

    private void addChild(byte[] src, int start, int end, MimeEntity parent, int depth, ContentType def) {
        MimeEntity child = new MimeEntity();
        parseEntity(src, start, Math.max(start, end), child, depth + 1, def);
        parent.children.add(child);
    }

    /** 0 = ordinary line, 1 = delimiter, 2 = close delimiter. Only exact boundaries count, trailing blanks allowed. */
    private static int delimiterKind(byte[] s, int ls, int le, byte[] boundary) {
        if (le - ls < boundary.length + 2 || s[ls] != '-' || s[ls + 1] != '-') {
            return 0;
        }
        for (int i = 0; i < boundary.length; i++) {
            if (s[ls + 2 + i] != boundary[i]) {
                return 0;
            }
        }
        int p = ls + 2 + boundary.length;
        int kind = 1;
        if (p + 1 < le && s[p] == '-' && s[p + 1] == '-') {
            kind = 2;
            p += 2;
        }
        for (; p < le; p++) {
            if (s[p] != ' ' && s[p] != '\t' && s[p] != '\r' && s[p] != '\n') {
                return 0;
            }
        }
        return kind;
    }

    /** The line break before a delimiter belongs to the delimiter. */
    private static int trimLineBreakBefore(byte[] s, int start, int pos) {
        int e = pos;
        if (e > start && s[e - 1] == '\n') {
            e--;
            if (e > start && s[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }

    private static String guessBoundary(byte[] s, int start, int end) {
        int pos = start;
        while (pos < end) {
            int le = lineEnd(s, pos, end);
            if (le - pos > 3 && s[pos] == '-' && s[pos + 1] == '-') {
                int e = le;
                while (e > pos && (s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == ' ')) {
                    e--;
                }
                if (e - pos > 2) {
                    return new String(s, pos + 2, e - pos - 2, StandardCharsets.ISO_8859_1);
                }
            }
            pos = le;
        }
        return null;
    }

    /**
     * Reads header fields from {@code start}; returns where the body starts. A line that is neither a field
     * nor a continuation ends the header block (it is the body's first line).
     */
    private int readHeaders(byte[] s, int start, int end, MimeEntity e) {
        int pos = start;
        int fieldStart = -1;
        int nameEnd = -1;
        while (pos < end) {
            int le = lineEnd(s, pos, end);
            boolean empty = s[pos] == '\n' || (s[pos] == '\r' && (pos + 1 >= end || s[pos + 1] == '\n'));
            if (empty) {
                addField(s, fieldStart, nameEnd, pos, e);
                return le;
            }
            if ((s[pos] == ' ' || s[pos] == '\t') && fieldStart >= 0) {
                pos = le;
                continue;
            }
            int ne = headerNameEnd(s, pos, le);
            if (ne < 0) {
                addField(s, fieldStart, nameEnd, pos, e);
                if (fieldStart >= 0 || pos > start) {
                    warnings.add("header block ended by a line that is not a header field");
                }
                return pos;
            }
            addField(s, fieldStart, nameEnd, pos, e);
            fieldStart = pos;
            nameEnd = ne;
            pos = le;
        }
        addField(s, fieldStart, nameEnd, end, e);
        return end;
    }

    private void addField(byte[] s, int fieldStart, int nameEnd, int fieldEnd, MimeEntity e) {
        if (fieldStart < 0) {
            return;
        }
        if (e.fields.size() >= MAX_HEADER_FIELDS) {
            if (e.fields.size() == MAX_HEADER_FIELDS) {
                warnings.add("more than " + MAX_HEADER_FIELDS + " header fields: the rest kept only in the raw mail");
                e.fields.add(new MimeEntity.Field("X-Coloc-Unread-Fields", "fields beyond " + MAX_HEADER_FIELDS + " not read"));
            }
            return;
        }
        String name = new String(s, fieldStart, nameEnd - fieldStart, StandardCharsets.ISO_8859_1).trim();
        int vs = nameEnd + 1;
        String value = HeaderDecoder.unfold(HeaderDecoder.rawToString(s, vs, Math.max(0, fieldEnd - vs), headerHint));
        e.fields.add(new MimeEntity.Field(name, value.strip()));
    }

    /** Index of the ':' if the line starts with a field name (printable ASCII, blanks before ':' tolerated). */
    static int headerNameEnd(byte[] s, int pos, int end) {
        int i = pos;
        while (i < end && s[i] > 32 && s[i] < 127 && s[i] != ':') {
            i++;
        }
        if (i == pos) {
            return -1;
        }
        int j = i;
        while (j < end && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        return j < end && s[j] == ':' ? j : -1;
    }

    static int lineEnd(byte[] s, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (s[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    private static boolean startsWith(byte[] s, int pos, String prefix) {
        if (s.length - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first charset= in the top header block, as a hint for undeclared 8-bit header bytes. */
    static Charset sniffCharset(byte[] s, int start) {
        int limit = Math.min(s.length, start + 65536);
        String head = new String(s, start, limit - start, StandardCharsets.ISO_8859_1);
        int blank = head.indexOf("\n\n");
        int blank2 = head.indexOf("\r\n\r\n");
        int stop = blank < 0 ? (blank2 < 0 ? head.length() : blank2) : (blank2 < 0 ? blank : Math.min(blank, blank2));
        String lower = head.substring(0, stop).toLowerCase(java.util.Locale.ROOT);
        int i = lower.indexOf("charset=");
        if (i < 0) {
            return null;
        }
        int b = i + 8;
        while (b < lower.length() && (lower.charAt(b) == '"' || lower.charAt(b) == ' ')) {
            b++;
        }
        int e = b;
        while (e < lower.length() && "\"; \r\n\t".indexOf(lower.charAt(e)) < 0) {
            e++;
        }
        Charset cs = TextDecoding.resolve(lower.substring(b, e));
        return cs == null || cs.name().equalsIgnoreCase("windows-1252") ? null : cs;
    }
}
