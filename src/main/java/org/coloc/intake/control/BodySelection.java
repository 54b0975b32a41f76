package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which parts are the body a person reads and which are attachments, following the body selection of
 * RFC 8621 (JMAP) section 4.1.4, with two deviations asked for by the intake: named parts are always
 * attachments, and non-text leaves (inline images too) are always listed as attachments.
 */
final class BodySelection {

    private final MimeStructure structure;
    private final List<String> warnings;
    private final List<MimeEntity> allText = new ArrayList<>();
    private final List<MimeEntity> allHtml = new ArrayList<>();
    private final List<ParsedAttachment> attachments = new ArrayList<>();

    BodySelection(MimeStructure structure, List<String> warnings) {
        this.structure = structure;
        this.warnings = warnings;
    }

    void walk(MimeEntity top) {
        if (top.contentType.isMultipart() && !top.truncated) {
            walk(top.children, subtype(top), top.contentType.is("multipart/alternative"), allText, allHtml);
        } else {
            walk(List.of(top), "mixed", false, allText, allHtml);
        }
    }

    /** textBody/htmlBody are nulled locally only, exactly like the RFC's pseudo-code. */
    private void walk(List<MimeEntity> parts, String multipartType, boolean inAlternative,
            List<MimeEntity> textBody, List<MimeEntity> htmlBody) {
        int textLength = textBody == null ? -1 : textBody.size();
        int htmlLength = htmlBody == null ? -1 : htmlBody.size();
        for (int i = 0; i < parts.size(); i++) {
            MimeEntity part = parts.get(i);
            ContentType ct = part.contentType;
            if (ct.isMultipart() && !part.truncated) {
                String sub = subtype(part);
                walk(part.children, sub, inAlternative || sub.equals("alternative"), textBody, htmlBody);
                continue;
            }
            boolean textual = ct.is("text/plain") || ct.is("text/html");
            boolean media = isInlineMedia(ct);
            boolean named = part.fileName() != null;
            boolean inline = !part.isAttachmentDisposition() && !named && (textual || media)
                    && (i == 0 || !multipartType.equals("related") || media);
            if (!inline) {
                attach(part);
                continue;
            }
            if (media) {
                attach(part);
                continue;
            }
            if (multipartType.equals("alternative")) {
                if (ct.is("text/plain") && textBody != null) {
                    textBody.add(part);
                } else if (ct.is("text/html") && htmlBody != null) {
                    htmlBody.add(part);
                }
                continue;
            }
            if (inAlternative) {
                if (ct.is("text/plain")) {
                    htmlBody = null;
                }
                if (ct.is("text/html")) {
                    textBody = null;
                }
            }
            if (textBody != null) {
                textBody.add(part);
            }
            if (htmlBody != null) {
                htmlBody.add(part);
            }
        }
        if (multipartType.equals("alternative") && textBody != null && htmlBody != null) {
            if (textLength == textBody.size() && htmlLength != htmlBody.size()) {
                textBody.addAll(htmlBody.subList(htmlLength, htmlBody.size()));
            }
            if (htmlLength == htmlBody.size() && textLength != textBody.size()) {
                htmlBody.addAll(textBody.subList(textLength, textBody.size()));
            }
        }
    }

    private static boolean isInlineMedia(ContentType ct) {
        String p = ct.primary();
        return p.equals("image") || p.equals("audio") || p.equals("video");
    }

    private static String subtype(MimeEntity e) {
        String t = e.contentType.type();
        return t.substring(t.indexOf('/') + 1);
    }

    private void attach(MimeEntity part) {
        byte[] content = decodedBody(part);
        String type = part.truncated ? "application/octet-stream" : part.contentType.type();
        String name = part.fileName();
        if (type.equals("message/rfc822") || type.equals("message/global")) {
            if (name == null) {
                name = enclosedMessageName(content);
            }
        } else if (name == null) {
            name = "attachment-" + (attachments.size() + 1) + MimeParser.extensionFor(type);
        }
        attachments.add(new ParsedAttachment(name, type, content));
    }

    /** Enclosed messages are named after their subject; only their header is read, never their body. */
    private String enclosedMessageName(byte[] content) {
        MimeEntity inner = structure.parseHeadersOnly(content, 0, content.length);
        String subject = inner.field("Subject");
        if (subject == null || subject.isBlank()) {
            return "message.eml";
        }
        String clean = HeaderDecoder.decodeWords(subject).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (clean.length() > 100) {
            clean = clean.substring(0, 100);
        }
        return clean.isEmpty() ? "message.eml" : clean + ".eml";
    }

    private byte[] decodedBody(MimeEntity part) {
        return TextDecoding.transferDecode(part.source, part.bodyStart, Math.max(0, part.bodyEnd - part.bodyStart),
                part.transferEncoding(), warnings);
    }

    private String decodedText(MimeEntity part) {
        byte[] b = decodedBody(part);
        return normaliseNewlines(TextDecoding.decode(b, part.contentType.param("charset")));
    }

    static String normaliseNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * HTML converted to text, over all parts of a mail. jsoup is the costliest step of intake per byte: some
     * 2 s for 128 KB of deeply nested tags in a cold JVM on a loaded 2-core machine. 64 KB of HTML is still more
     * than a person reads (a long Outlook reply is some 100 KB, most of it styles, its new text at the top).
     * Beyond, the HTML stays whole in {@link #html()} and the raw mail; only the text stops.
     */
    static final int MAX_HTML_TO_TEXT_CHARS = 64 * 1024;
    /** HTML parts converted to text: each costs a whole jsoup document; real mail has one, rarely a few. */
    static final int MAX_HTML_PARTS_TO_TEXT = 20;

    String text() {
        List<MimeEntity> parts = allText.isEmpty() ? allHtml : allText;
        StringBuilder sb = new StringBuilder();
        int htmlBudget = MAX_HTML_TO_TEXT_CHARS;
        int htmlParts = 0;
        for (MimeEntity p : parts) {
            String t;
            if (p.contentType.is("text/html")) {
                if (++htmlParts > MAX_HTML_PARTS_TO_TEXT) {
                    if (htmlParts == MAX_HTML_PARTS_TO_TEXT + 1) {
                        warnings.add("more than " + MAX_HTML_PARTS_TO_TEXT + " HTML parts: the rest not converted to text,"
                                + " kept in the HTML");
                    }
                    continue;
                }
                String html = decodedText(p);
                if (html.length() > htmlBudget) {
                    warnings.add("HTML of " + html.length() + " characters: only the first " + htmlBudget
                            + " converted to text, the HTML itself is kept whole");
                    html = html.substring(0, htmlBudget);
                }
                htmlBudget -= html.length();
                t = HtmlToText.convert(html);
            } else {
                t = decodedText(p);
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    String html() {
        StringBuilder sb = null;
        for (MimeEntity p : allHtml) {
            if (p.contentType.is("text/html")) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(decodedText(p));
            }
        }
        return sb == null ? null : sb.toString();
    }

    List<ParsedAttachment> attachments() {
        return attachments;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
