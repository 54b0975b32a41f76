package org.coloc.platform;

/**
 * Hides e-mail addresses in text meant for the public (maintenance notices, blog comments): every word holding an
 * {@code @} is replaced by a mark, so that no address, nor any {@code @}, is published. Pure code, one pass.
 */
public final class AddressMask {

    /** What ends a word that may hold an address (besides white space). */
    private static final String DELIMITERS = "<>()[]\"',;:";

    private AddressMask() {
    }

    /** The text with every word that holds an {@code @} replaced by {@code mark}; null stays null. */
    public static String hide(String text, String mark) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        // word by word, in one pass: a word with an @ is an address or a handle that reaches a person; its final
        // dots end the sentence and stay (a pattern "[^delimiters]*@…" would try every start of a long word again)
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (delimiter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            int lastAt = -1;
            while (i < n && !delimiter(text.charAt(i))) {
                if (text.charAt(i) == '@') {
                    lastAt = i;
                }
                i++;
            }
            if (lastAt < 0) {
                out.append(text, start, i);
                continue;
            }
            int end = i;
            while (end > lastAt + 1 && text.charAt(end - 1) == '.') {
                end--;
            }
            out.append(mark).append(text, end, i);
        }
        return out.toString();
    }

    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0;
    }
}
