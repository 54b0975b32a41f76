package org.coloc.intake.control;

import java.util.ArrayList;
import java.util.List;

/** One node of a message's MIME tree: its header fields and where its body lies in {@code source}. */
final class MimeEntity {

    /** A header field; the value is unfolded, 8-bit decoded but not yet RFC 2047 decoded. */
    record Field(String name, String value) {
    }

    final List<Field> fields = new ArrayList<>();
    final List<MimeEntity> children = new ArrayList<>();
    byte[] source;
    int bodyStart;
    int bodyEnd;
    ContentType contentType = ContentType.TEXT_PLAIN;
    ContentType disposition;
    /** Set when the structure could not be followed further (depth or part cap). */
    boolean truncated;

    String field(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    String transferEncoding() {
        String v = field("Content-Transfer-Encoding");
        return v == null ? null : v.trim();
    }

    /** File name from Content-Disposition, else Content-Type name. */
    String fileName() {
        String n = disposition == null ? null : disposition.param("filename");
        if (n == null || n.isBlank()) {
            n = contentType.param("name");
        }
        if (n == null || n.isBlank()) {
            return null;
        }
        n = n.trim();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 && slash < n.length() - 1 ? n.substring(slash + 1) : n;
    }

    boolean isAttachmentDisposition() {
        return disposition != null && disposition.type().startsWith("attachment");
    }
}
