package org.coloc.intake.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The new text of a reply: what the writer typed, without the quoted history (">" lines, "Le … a écrit :",
 * "On … wrote:", Outlook blocks) and without the signature. Pure code.
 *
 * <p>How: the body is split into lines. Top to bottom, the first line that starts the history or the
 * signature (a quote header not followed by "&gt;" lines, an Outlook / forward block, a "-- " delimiter, a
 * "Sent from my …" line) cuts everything below it, provided some own text stands above it. Then, bottom up,
 * trailing "&gt;" blocks (with the attribution line just above them), "-- " signatures and "Regards," sign-offs
 * are dropped; "&gt;" blocks followed by own text stay (interleaved answers keep their context).
 * Every pattern works on one line or on at most three joined lines of bounded length (see {@link ReplyLines}),
 * so the work is linear in the size of the body.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /**
     * Only the start of a longer body is looked at: what a person typed above the history fits many times over
     * (the longest reply in the corpora is some 30 KB), and this bounds the work on a 25 MB body to a few
     * hundred milliseconds however its lines are shaped (some 30 µs a short line on a loaded 2-core machine). The rest stays in the stored mail; a note says so.
     */
    public static final int MAX_CHARS = 64 * 1024;

    /** Never null; the whole text (trimmed) when nothing looks quoted. */
    public static String newText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String head = body.length() > MAX_CHARS ? body.substring(0, cutPoint(body)) : body;
        String text;
        try {
            text = extract(head);
        } catch (RuntimeException e) {
            text = head.strip();
        }
        if (head.length() < body.length() && !text.isEmpty() && text.endsWith(stripEnd(lastLine(head)).strip())) {
            // nothing was cut as history or signature inside the bound: the text goes on beyond it
            text = text + "\n\n[… " + (body.length() - head.length()) + " more characters in the stored mail]";
        }
        return text;
    }

    private static String lastLine(String s) {
        String t = s.stripTrailing();
        int nl = Math.max(t.lastIndexOf('\n'), t.lastIndexOf('\r'));
        return t.substring(nl + 1);
    }

    /** At a line end within the bound when there is one, so that no line is judged by half of it. */
    private static int cutPoint(String body) {
        int nl = body.lastIndexOf('\n', MAX_CHARS);
        return nl > MAX_CHARS / 2 ? nl : MAX_CHARS;
    }

    private static String extract(String body) {
        List<String> lines = split(body);
        int end = firstCut(lines);
        end = stripTrailing(lines, end);
        int start = bottomPostStart(lines, end);
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            sb.append(stripEnd(lines.get(i))).append('\n');
        }
        return sb.toString().strip();
    }

    /** Lines without their end (\n, \r\n or \r). */
    static List<String> split(String body) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(body.substring(start, i));
                if (c == '\r' && i + 1 < n && body.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(body.substring(start));
        return lines;
    }

    /** The index of the first line of the history or of the signature; lines.size() when there is none. */
    private static int firstCut(List<String> lines) {
        boolean ownText = false;
        boolean previousQuoted = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (ReplyLines.isQuoted(line)) {
                previousQuoted = true;
                continue;
            }
            if (line.isBlank()) {
                previousQuoted = false;
                continue;
            }
            if (previousQuoted && ReplyLines.isLazyContinuation(lines.get(i - 1))) {
                // a wrapped quoted line whose continuation lost its ">"
                continue;
            }
            previousQuoted = false;
            if (ReplyLines.isSignatureStart(line)) {
                return i;
            }
            int header = ReplyLines.quoteHeaderLength(lines, i);
            if (header > 0) {
                if (!followedByQuote(lines, i + header) && ownText) {
                    return i;
                }
                i += header - 1;
                continue;
            }
            int block = ReplyLines.outlookBlockStart(lines, i);
            if (block >= 0) {
                if (ownText) {
                    return block;
                }
                continue;
            }
            if (!ReplyLines.isSeparator(line)) {
                ownText = true;
            }
        }
        return lines.size();
    }

    /**
     * A bottom-posted reply (attribution, one quoted block, then only own text): the own text starts after the
     * quote. Interleaved answers (own text between several quoted blocks) keep their quotes; returns 0 then.
     */
    private static int bottomPostStart(List<String> lines, int end) {
        int i = skipBlankForward(lines, 0, end);
        if (i < end && !ReplyLines.isQuoted(lines.get(i))) {
            int header = ReplyLines.quoteHeaderLength(lines, i);
            if (header == 0) {
                return 0;
            }
            i = skipBlankForward(lines, i + header, end);
        }
        if (i >= end || !ReplyLines.isQuoted(lines.get(i))) {
            return 0;
        }
        while (i < end && (ReplyLines.isQuoted(lines.get(i)) || lazyQuotedAt(lines, i))) {
            i++;
        }
        int own = skipBlankForward(lines, i, end);
        for (int j = own; j < end; j++) {
            if (ReplyLines.isQuoted(lines.get(j))) {
                return 0;
            }
        }
        return own < end ? own : 0;
    }

    private static int skipBlankForward(List<String> lines, int i, int end) {
        while (i < end && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static boolean hasOwnText(List<String> lines, int end) {
        for (int i = 0; i < end; i++) {
            if (!lines.get(i).isBlank() && !ReplyLines.isQuoted(lines.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByQuote(List<String> lines, int from) {
        for (int i = from; i < lines.size() && i < from + 3; i++) {
            if (!lines.get(i).isBlank()) {
                return ReplyLines.isQuoted(lines.get(i));
            }
        }
        return false;
    }

    /** Drops, bottom up, blank lines, trailing quoted blocks with their attribution, and sign-offs. */
    private static int stripTrailing(List<String> lines, int end) {
        while (true) {
            end = skipBlank(lines, end);
            if (end == 0) {
                return 0;
            }
            if (ReplyLines.isQuoted(lines.get(end - 1)) || lazyQuotedAt(lines, end - 1)) {
                while (end > 0 && (ReplyLines.isQuoted(lines.get(end - 1)) || lazyQuotedAt(lines, end - 1))) {
                    end--;
                }
                int above = skipBlank(lines, end);
                // the attribution goes with its quote, also when nothing stands above it: a mail that only quotes
                // has no new text (an attribution left alone would be published with someone's address)
                int attribution = ReplyLines.attributionAbove(lines, above);
                if (attribution >= 0) {
                    end = attribution;
                } else if (above > 0 && ReplyLines.isAttributionLike(lines.get(above - 1))) {
                    end = above - 1;
                }
                continue;
            }
            int signature = ReplyLines.signOffStart(lines, end);
            if (signature >= 0 && hasOwnText(lines, signature)) {
                end = signature;
                continue;
            }
            return end;
        }
    }

    private static boolean lazyQuotedAt(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.isBlank() || i == 0) {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && !lines.get(j).isBlank() && !ReplyLines.isQuoted(lines.get(j))) {
            j--;
        }
        return j >= 0 && j == i - 1 && ReplyLines.isQuoted(lines.get(j)) && ReplyLines.isLazyContinuation(lines.get(j));
    }

    private static int skipBlank(List<String> lines, int end) {
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return end;
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && (Character.isWhitespace(s.charAt(e - 1)) || s.charAt(e - 1) == '\u00a0')) {
            e--;
        }
        return s.substring(0, e);
    }
}
