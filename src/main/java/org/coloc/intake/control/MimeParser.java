package org.coloc.intake.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw RFC 822 bytes into a {@link ParsedMail}. Pure code: no container, no I/O besides the bytes.
 * Never throws anything but {@link UnparseableMailException}: real mail is broken in every possible way, and
 * anything with a header block is parsed leniently, with warnings saying what was repaired.
 */
public class MimeParser {

    /** Raw bytes to a tree of entities; null when there is no header block. Pluggable to compare splitters. */
    interface StructureReader {
        MimeEntity read(byte[] raw, List<String> warnings);
    }

    private final StructureReader reader;

    /**
     * The subject later stages see (classification, threading, case titles): every later step looks at it,
     * and no person writes one this long. The Subject header keeps the whole value.
     */
    static final int MAX_SUBJECT_CHARS = 4096;

    public MimeParser() {
        this((raw, warnings) -> new MimeStructure(warnings).parseMessage(raw));
    }

    MimeParser(StructureReader reader) {
        this.reader = reader;
    }

    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        if (raw == null || raw.length == 0) {
            throw new UnparseableMailException("empty input, not a mail");
        }
        try {
            return parseLeniently(raw);
        } catch (StackOverflowError e) {
            throw new UnparseableMailException("structure too deeply nested to read", e);
        } catch (OutOfMemoryError e) {
            throw new UnparseableMailException("mail too large to read", e);
        } catch (RuntimeException e) {
            throw new UnparseableMailException("mail could not be read (" + e + ")", e);
        }
    }

    private ParsedMail parseLeniently(byte[] raw) throws UnparseableMailException {
        List<String> warnings = new ArrayList<>();
        MimeStructure structure = new MimeStructure(warnings);
        MimeEntity top = reader.read(raw, warnings);
        if (top == null || top.fields.isEmpty()) {
            throw new UnparseableMailException("no header block: this is not a mail");
        }
        if (looksBinary(top)) {
            throw new UnparseableMailException("header block is binary garbage: this is not a mail");
        }

        List<MailHeader> headers = new ArrayList<>(top.fields.size());
        for (MimeEntity.Field f : top.fields) {
            headers.add(new MailHeader(f.name(), HeaderDecoder.decodeWords(f.value())));
        }
        BodySelection body = new BodySelection(structure, warnings);
        body.walk(top);

        String messageId = HeaderDecoder.firstMessageId(top.field("Message-ID"));
        String inReplyTo = HeaderDecoder.firstMessageId(top.field("In-Reply-To"));
        List<String> references = HeaderDecoder.messageIds(top.field("References"));
        List<MailAddress> from = HeaderDecoder.addresses(top.field("From"), warnings);
        if (from.isEmpty() && top.field("Sender") != null) {
            from = HeaderDecoder.addresses(top.field("Sender"), warnings);
        }
        String subject = top.field("Subject") == null ? null : HeaderDecoder.decodeWords(top.field("Subject"));
        if (subject != null && subject.length() > MAX_SUBJECT_CHARS) {
            warnings.add("subject of " + subject.length() + " characters cut to " + MAX_SUBJECT_CHARS
                    + ", the header itself is kept whole");
            subject = org.coloc.platform.Bounded.text(subject, MAX_SUBJECT_CHARS);
        }
        return new ParsedMail(messageId, inReplyTo, references,
                from.isEmpty() ? null : from.get(0),
                HeaderDecoder.addresses(top.field("To"), warnings),
                HeaderDecoder.addresses(top.field("Cc"), warnings),
                HeaderDecoder.addresses(top.field("Reply-To"), warnings),
                subject,
                HeaderDecoder.date(top.field("Date"), warnings),
                headers, body.text(), body.html(), body.attachments(), warnings);
    }

    /** A header block full of control characters is not text a person ever wrote. */
    private static boolean looksBinary(MimeEntity top) {
        int control = 0;
        int total = 0;
        for (MimeEntity.Field f : top.fields) {
            String v = f.value();
            total += v.length() + f.name().length();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 32 && c != '\t') {
                    control++;
                }
            }
        }
        return total > 0 && control * 10 > total;
    }

    static String extensionFor(String contentType) {
        String sub = contentType.substring(contentType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "jpeg", "pjpeg" -> ".jpg";
            case "plain" -> ".txt";
            case "octet-stream" -> ".bin";
            case "delivery-status", "global-delivery-status" -> ".txt";
            case "rfc822-headers" -> ".txt";
            default -> sub.matches("[a-z0-9]{1,8}") ? "." + sub : ".bin";
        };
    }
}
