package org.coloc.platform;

/**
 * Questions about a span of a text, asked without copying it: the texts are strangers' mails and headers, which
 * may be long, and the callers walk them once (see the linear-time rule in the README's security section).
 */
public final class TextSpans {

    private TextSpans() {
    }

    /** Whether {@code s[from, to)} is empty or white space only. */
    public static boolean isBlank(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
