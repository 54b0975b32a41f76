package org.coloc.intake.control;

import java.util.List;
import org.coloc.platform.AddressMask;

/**
 * The new text of a mail as it may be published (a blog comment): what {@link ReplyText#newText} kept, without
 * any line that still looks like a quote attribution ("… wrote:", "Le … a écrit :", "Am … schrieb …:",
 * "Op … schreef …:", "El … escribió:", "From: … Sent: …" and forward blocks, also inside kept "&gt;" quotes),
 * and with every e-mail address replaced by a mark. What a commenter quoted stays; whom they quoted and how to
 * reach anyone does not. Pure code.
 *
 * <p>Linear: the input is cut at {@link #MAX_CHARS}; each line is looked at with the bounded classifiers of
 * {@link ReplyLines} (at most three joined lines of bounded length), and addresses are masked in one pass.
 */
public final class PublicText {

    /** The neutral mark that stands where an address was. */
    public static final String ADDRESS_MARK = "[address hidden]";

    /** Beyond the new text's own bound (and its note) nothing is published: the rest is cut at a line end. */
    public static final int MAX_CHARS = ReplyText.MAX_CHARS + 1024;

    /** Most lines a header block ("From:", "Sent:", "To:", "Cc:", "Subject:", wrapped values) may run. */
    private static final int MAX_BLOCK_LINES = 12;

    private PublicText() {
    }

    /** {@link #of(String, String)} with {@link #ADDRESS_MARK}. */
    public static String of(String newText) {
        return of(newText, ADDRESS_MARK);
    }

    /** Never null; empty when nothing publishable is left. */
    public static String of(String newText, String addressMark) {
        if (newText == null || newText.isBlank()) {
            return "";
        }
        String text = newText;
        if (text.length() > MAX_CHARS) {
            int nl = text.lastIndexOf('\n', MAX_CHARS);
            text = text.substring(0, nl > MAX_CHARS / 2 ? nl : MAX_CHARS) + "\n[…]";
        }
        List<String> lines = ReplyText.split(text);
        boolean[] drop = attributionLines(lines);
        StringBuilder sb = new StringBuilder(text.length());
        int blanks = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (drop[i]) {
                continue;
            }
            String line = lines.get(i).stripTrailing();
            blanks = line.isEmpty() ? blanks + 1 : 0;
            if (blanks <= 1) { // dropping a block must not leave a hole of blank lines
                sb.append(line).append('\n');
            }
        }
        String masked = AddressMask.hide(sb.toString().strip(), addressMark);
        // "<mailto:a@b>" reads "<mailto:[mark]>": the mark says it all
        return masked.replace("mailto:" + addressMark, addressMark);
    }

    /** Which lines are attributions or header blocks, judged on the line without its quote marks. */
    static boolean[] attributionLines(List<String> lines) {
        List<String> bare = lines.stream().map(PublicText::withoutQuoteMarks).toList();
        boolean[] drop = new boolean[bare.size()];
        for (int i = 0; i < bare.size(); i++) {
            String line = bare.get(i);
            if (line.isBlank()) {
                continue;
            }
            int header = ReplyLines.quoteHeaderLength(bare, i);
            if (header > 0) {
                for (int k = 0; k < header; k++) {
                    drop[i + k] = true;
                }
                i += header - 1;
                continue;
            }
            if (looksLikeAttribution(line)) {
                drop[i] = true;
                continue;
            }
            int block = ReplyLines.outlookBlockStart(bare, i);
            if (block >= 0) {
                int j = block;
                while (j < bare.size() && j < i + MAX_BLOCK_LINES && (j <= i || !bare.get(j).isBlank())) {
                    drop[j++] = true;
                }
                i = j - 1;
            }
        }
        return drop;
    }

    /**
     * One line ending as an attribution does ("… wrote:", "… a écrit :", "… &lt;a@b&gt;:") that also names a
     * date, an address or opens like one; "Here is what I wrote:" stays.
     */
    static boolean looksLikeAttribution(String line) {
        if (line.length() > ReplyLines.MAX_LINE || !line.strip().endsWith(":")) {
            return false;
        }
        if (!ReplyLines.isAttributionLike(line)) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '@' || c == '<' || Character.isDigit(c)) {
                return true;
            }
        }
        return ReplyLines.opensAttribution(line);
    }

    /** "&gt; &gt; On … wrote:" is looked at as "On … wrote:". Linear: one scan of the leading marks. */
    static String withoutQuoteMarks(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '>' || c == ' ' || c == '\t') {
                i++;
            } else if (c == '|' && line.indexOf('|', i + 1) < 0) {
                i++;
            } else {
                break;
            }
        }
        return i == 0 ? line : line.substring(i);
    }
}
