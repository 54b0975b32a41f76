package org.coloc.comments.control;

import org.coloc.comments.entity.Comment;
import org.coloc.platform.Bounded;

/**
 * The name a comment is shown under: the {@code From} display name as the reader set it, cleaned (control and
 * invisible formatting characters removed, so no bidi override reverses the page around it; white space folded;
 * surrounding quotes dropped) and bounded; else "Anonyme" or "Anonymous". Never the address: a client that puts
 * the address as the display name gets the anonymous name too. Pure code, linear in the name's length.
 */
public final class AuthorName {

    public static final String ANONYMOUS_FR = "Anonyme";
    public static final String ANONYMOUS_EN = "Anonymous";
    /** Only this much of a display name is looked at: the longest kept is {@link Comment#MAX_AUTHOR_NAME}. */
    static final int MAX_READ = 1000;

    private AuthorName() {
    }

    /** The shown name for a mail's display name (may be null) and the post's language. */
    public static String of(String displayName, String language) {
        String name = clean(displayName);
        return name == null ? anonymous(language) : name;
    }

    public static String anonymous(String language) {
        return "en".equals(language) ? ANONYMOUS_EN : ANONYMOUS_FR;
    }

    /**
     * The cleaned name, or null when nothing shown would remain or it holds an address ({@code x@y}): what the
     * admin sets through the API goes through it too.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String in = raw.length() > MAX_READ ? raw.substring(0, MAX_READ) : raw;
        StringBuilder sb = new StringBuilder(in.length());
        boolean space = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                continue;
            }
            if (type == Character.SURROGATE) {
                // kept only as a whole pair
                if (Character.isHighSurrogate(c) && i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1))) {
                    if (space) {
                        sb.append(' ');
                        space = false;
                    }
                    sb.append(c).append(in.charAt(++i));
                }
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        String name = unquote(sb.toString());
        if (name.isEmpty() || holdsAddress(name)) {
            return null;
        }
        return Bounded.text(name, Comment.MAX_AUTHOR_NAME);
    }

    private static String unquote(String s) {
        String t = s.strip();
        while (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** An {@code @} between two non-blank characters: the address (or another) written as the name. */
    static boolean holdsAddress(String name) {
        for (int i = 1; i < name.length() - 1; i++) {
            if (name.charAt(i) == '@' && name.charAt(i - 1) != ' ' && name.charAt(i + 1) != ' ') {
                return true;
            }
        }
        return false;
    }
}
