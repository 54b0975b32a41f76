package org.coloc.intake.control;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Readable text from a mail's HTML: what a person sees, with the line structure kept. */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "address", "section", "article",
            "header", "footer", "form", "fieldset", "center", "body", "tbody", "thead", "tfoot", "caption", "nav",
            "main", "figure", "figcaption", "aside");
    /** Followed by an empty line, as a reader sees them. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlToText() {
    }

    static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        StringBuilder sb = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            int skip;
            int pre;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIPPED.contains(tag)) {
                        skip++;
                    } else if (skip == 0) {
                        if (tag.equals("br")) {
                            sb.append('\n');
                        } else if (tag.equals("li")) {
                            newline(sb);
                            sb.append("- ");
                        } else if (tag.equals("td") || tag.equals("th")) {
                            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                                sb.append(' ');
                            }
                        } else if (BLOCKS.contains(tag)) {
                            newline(sb);
                        }
                        if (tag.equals("pre")) {
                            pre++;
                        }
                    }
                } else if (node instanceof TextNode t && skip == 0) {
                    if (pre > 0) {
                        sb.append(t.getWholeText());
                    } else {
                        appendCollapsed(sb, t.getWholeText());
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIPPED.contains(tag)) {
                        skip--;
                    } else if (skip == 0) {
                        if (tag.equals("pre")) {
                            pre--;
                        }
                        if (BLOCKS.contains(tag) || tag.equals("li")) {
                            newline(sb);
                        }
                        if (PARAGRAPHS.contains(tag)) {
                            sb.append('\n');
                        }
                    }
                }
            }
        }, doc);
        return tidy(sb);
    }

    private static void newline(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
    }

    private static void appendCollapsed(StringBuilder sb, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                char last = sb.length() == 0 ? '\n' : sb.charAt(sb.length() - 1);
                if (c == '\u00a0') {
                    sb.append(' ');
                } else if (last != ' ' && last != '\n') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** Strips trailing blanks per line and keeps at most one empty line in a row. */
    private static String tidy(StringBuilder sb) {
        StringBuilder out = new StringBuilder(sb.length());
        int blank = 0;
        for (String line : sb.toString().split("\n", -1)) {
            String l = stripTrailing(line);
            if (l.isBlank()) {
                blank++;
                if (blank > 1 || out.length() == 0) {
                    continue;
                }
                out.append('\n');
            } else {
                blank = 0;
                out.append(l).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        int b = 0;
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        return s.substring(b, e);
    }
}
