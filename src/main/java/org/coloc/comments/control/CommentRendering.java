package org.coloc.comments.control;

import java.util.Locale;
import org.coloc.intake.control.PublicText;
import org.coloc.platform.Html;
import org.coloc.platform.TextSpans;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A comment's plain text as the public reads it: {@link #text} (addresses masked, characters XML cannot carry
 * dropped) and {@link #html} (that text escaped, in paragraphs, bare http(s) URLs made links with
 * {@code rel="nofollow ugc noopener"}). Nothing a reader wrote is ever taken as markup: every character is escaped
 * first, and the result still goes through the OWASP Java HTML Sanitizer with an allow-list of {@code p},
 * {@code br} and {@code a[href http/https, rel]}, so that a mistake here cannot publish a script.
 *
 * <p>One pass over the text, no regular expression: a 1 MB line of URL-like text costs what its length costs.
 * Pure code.
 */
public final class CommentRendering {

    /** A URL longer than this stays text: no link is worth it, and it bounds what one attribute holds. */
    public static final int MAX_URL = 2000;

    /** What {@link #html} adds to every link. */
    public static final String REL = "nofollow ugc noopener";

    /** The second line of defence: nothing but paragraphs, line breaks and http(s) links survive. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /** The same, with links opening outside the frame (the embed in an iframe: the linked site may refuse frames). */
    private static final PolicyFactory POLICY_NEW_WINDOW = new HtmlPolicyBuilder()
            .allowElements("p", "br", "a")
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(false, "_blank").onElements("a")
            .allowUrlProtocols("http", "https")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /** What stands where an address was (short, and the same in French and English). */
    static final String ADDRESS_MARK = "[…]";

    private CommentRendering() {
    }

    /**
     * The text as published: no e-mail address (a word holding an {@code @} becomes {@code […]}), line ends
     * normalised to {@code \n}, no control character but tab and line feed, no lone surrogate or non-character.
     */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        // a leftover quote attribution ("Le … a écrit :") names someone and his address: neither is published
        String masked = PublicText.of(text, ADDRESS_MARK);
        StringBuilder b = new StringBuilder(masked.length());
        int n = masked.length();
        for (int i = 0; i < n; i++) {
            char c = masked.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < n && masked.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(masked.charAt(i + 1))) {
                b.append(c).append(masked.charAt(++i));
            } else if (c == '\t' || c == '\n' || c >= 0x20 && c != 0x7F && !Character.isSurrogate(c)
                    && c != 0xFFFE && c != 0xFFFF) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@link #text} as safe HTML: paragraphs at blank lines, {@code <br>} inside, bare http(s) URLs as links. */
    public static String html(String text) {
        return POLICY.sanitize(markup(text(text), false));
    }

    /** {@link #html}, with {@code target="_blank"} on the links (the embed, which may be shown in an iframe). */
    public static String htmlForFrame(String text) {
        return POLICY_NEW_WINDOW.sanitize(markup(text(text), true));
    }

    /** The escaped, linked paragraphs before sanitizing (package-visible: the tests look at both stages). */
    static String markup(String clean, boolean newWindow) {
        StringBuilder out = new StringBuilder(clean.length() + 16);
        boolean inParagraph = false;
        boolean pendingBreak = false;
        int n = clean.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = clean.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (TextSpans.isBlank(clean, lineStart, lineEnd)) {
                if (inParagraph) {
                    out.append("</p>");
                    inParagraph = false;
                }
                pendingBreak = false;
            } else {
                if (!inParagraph) {
                    out.append("<p>");
                    inParagraph = true;
                } else if (pendingBreak) {
                    out.append("<br>");
                }
                line(clean, lineStart, lineEnd, newWindow, out);
                pendingBreak = true;
            }
            lineStart = lineEnd + 1;
        }
        if (inParagraph) {
            out.append("</p>");
        }
        return out.toString();
    }

    /** One line: text escaped, each bare http(s) URL (at a word start) a link. */
    private static void line(String s, int from, int to, boolean newWindow, StringBuilder out) {
        int i = from;
        while (i < to) {
            int schemeEnd = urlStart(s, i, to);
            if (schemeEnd < 0) {
                Html.escape(s, i, i + 1, out);
                i++;
                continue;
            }
            int end = schemeEnd;
            int open = 0;
            int close = 0;
            while (end < to && urlChar(s.charAt(end))) {
                char c = s.charAt(end);
                if (c == '(') {
                    open++;
                } else if (c == ')') {
                    close++;
                }
                end++;
            }
            int urlEnd = end;
            // what ends a sentence is not part of the address; a closing parenthesis only when it closes nothing
            while (urlEnd > schemeEnd) {
                char last = s.charAt(urlEnd - 1);
                if (".,;:!?'".indexOf(last) >= 0) {
                    urlEnd--;
                } else if (last == ')' && close > open) {
                    close--;
                    urlEnd--;
                } else {
                    break;
                }
            }
            boolean linkable = urlEnd > schemeEnd && Character.isLetterOrDigit(s.charAt(schemeEnd))
                    && urlEnd - i <= MAX_URL;
            if (linkable) {
                out.append("<a href=\"");
                Html.escape(s, i, urlEnd, out);
                out.append("\" rel=\"").append(REL).append('"');
                if (newWindow) {
                    out.append(" target=\"_blank\"");
                }
                out.append('>');
                Html.escape(s, i, urlEnd, out);
                out.append("</a>");
            } else {
                Html.escape(s, i, urlEnd, out);
            }
            i = urlEnd;
        }
    }

    /**
     * Where the rest of a URL begins if one starts at {@code i} ({@code http://} or {@code https://}, any case, not
     * glued to a preceding letter or digit), else -1. Only these two schemes are ever linked.
     */
    private static int urlStart(String s, int i, int to) {
        char c = s.charAt(i);
        if (c != 'h' && c != 'H' || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return -1;
        }
        for (String scheme : new String[] {"https://", "http://"}) {
            if (i + scheme.length() <= to && s.regionMatches(true, i, scheme, 0, scheme.length())) {
                return i + scheme.length();
            }
        }
        return -1;
    }

    /** Printable ASCII that may stand in a URL as people write them; anything else ends it. */
    private static boolean urlChar(char c) {
        return c > 0x20 && c < 0x7F && "<>\"{}|\\^`".indexOf(c) < 0;
    }

    /** {@code fr} unless the language is English. */
    static boolean french(String language) {
        return language == null || !language.toLowerCase(Locale.ROOT).startsWith("en");
    }
}
