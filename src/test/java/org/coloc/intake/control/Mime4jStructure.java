package org.coloc.intake.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * mime4j's lenient streaming parser in place of {@link MimeStructure}: it splits the mail into entities, and
 * everything after (raw header bytes to text with our charset guessing, RFC 2047/2231, body selection,
 * classification) stays ours, so the comparison measures the splitter alone.
 */
final class Mime4jStructure {

    /** As lenient as mime4j goes: no line, header or content limits (ours are what is compared), no exceptions. */
    private static final MimeConfig CONFIG = new MimeConfig.Builder().setStrictParsing(false).setMaxLineLen(-1)
            .setMaxHeaderCount(-1).setMaxHeaderLen(-1).setMaxContentLen(-1).setMalformedHeaderStartsBody(true).build();

    private Mime4jStructure() {
    }

    static MimeParser parser() {
        return new MimeParser(Mime4jStructure::read);
    }

    static MimeEntity read(byte[] raw, List<String> warnings) {
        int start = 0;
        if (raw.length > 5 && raw[0] == 'F' && new String(raw, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("From ")) {
            start = MimeStructure.lineEnd(raw, 0, raw.length);
        }
        // the same front matter as ours skips: leading blank lines some exporters add
        int p = start;
        while (p < raw.length && (raw[p] == ' ' || raw[p] == '\t' || raw[p] == '\r' || raw[p] == '\n')) {
            if (raw[p] == '\n') {
                start = p + 1;
            }
            p++;
        }
        if (start >= raw.length) {
            return null;
        }
        Charset hint = MimeStructure.sniffCharset(raw, start);
        Handler handler = new Handler(hint, warnings);
        MimeStreamParser parser = new MimeStreamParser(CONFIG, DecodeMonitor.SILENT, null);
        parser.setContentDecoding(false); // our own transfer decoding, lenient and measured the same way
        parser.setNoRecurse(); // like ours: an enclosed message is an attachment
        parser.setContentHandler(handler);
        try {
            parser.parse(new ByteArrayInputStream(raw, start, raw.length - start));
        } catch (MimeException | IOException e) {
            warnings.add("mime4j: " + e.getMessage());
        }
        return handler.top == null || handler.top.fields.isEmpty() ? null : handler.top;
    }

    private static final class Handler extends AbstractContentHandler {
        private final Charset hint;
        private final List<String> warnings;
        private final Deque<MimeEntity> open = new ArrayDeque<>();
        MimeEntity top;

        Handler(Charset hint, List<String> warnings) {
            this.hint = hint;
            this.warnings = warnings;
        }

        @Override
        public void startMessage() {
            MimeEntity e = new MimeEntity();
            if (top == null) {
                top = e;
            }
            e.source = new byte[0];
            open.push(e);
        }

        @Override
        public void endMessage() {
            open.pop();
        }

        @Override
        public void startBodyPart() {
            MimeEntity e = new MimeEntity();
            e.source = new byte[0];
            MimeEntity parent = open.peek();
            if (parent != null) {
                parent.children.add(e);
                if (parent.contentType.is("multipart/digest")) {
                    e.contentType = new ContentType("message/rfc822", Map.of());
                }
            }
            open.push(e);
        }

        @Override
        public void endBodyPart() {
            open.pop();
        }

        @Override
        public void field(Field field) {
            ByteSequence raw = field.getRaw();
            byte[] b = raw == null ? new byte[0] : raw.toByteArray();
            int colon = 0;
            while (colon < b.length && b[colon] != ':') {
                colon++;
            }
            String name = field.getName();
            int vs = Math.min(b.length, colon + 1);
            String value = HeaderDecoder.unfold(HeaderDecoder.rawToString(b, vs, b.length - vs, hint)).strip();
            open.peek().fields.add(new MimeEntity.Field(name, value));
        }

        @Override
        public void endHeader() {
            MimeEntity e = open.peek();
            e.contentType = ContentType.parse(e.field("Content-Type"), e.contentType);
            e.disposition = ContentType.parseDisposition(e.field("Content-Disposition"));
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            if (!open.peek().contentType.isMultipart()) {
                warnings.add("mime4j read a multipart the content type does not name");
            }
        }

        @Override
        public void preamble(InputStream is) throws IOException {
            // kept: a multipart whose boundary never comes is read as text, as ours does (DSNs do this)
            MimeEntity e = open.peek();
            e.source = is.readAllBytes();
            e.bodyStart = 0;
            e.bodyEnd = e.source.length;
        }

        @Override
        public void endMultipart() {
            MimeEntity e = open.peek();
            if (e.children.isEmpty()) {
                warnings.add("multipart boundary never found, body read as text");
                e.contentType = ContentType.TEXT_PLAIN;
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            MimeEntity e = open.peek();
            e.source = is.readAllBytes();
            e.bodyStart = 0;
            e.bodyEnd = e.source.length;
            if (e.contentType.isMultipart()) {
                // mime4j found no boundary: a leaf, as ours reads it too
                e.contentType = ContentType.TEXT_PLAIN;
            }
        }
    }
}
