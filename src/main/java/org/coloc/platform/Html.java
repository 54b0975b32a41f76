package org.coloc.platform;

/** Text put into HTML, as element content or a quoted attribute value: the five characters that matter, escaped. */
public final class Html {

    private Html() {
    }

    /** Empty for null. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), b);
        return b.toString();
    }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive) of {@code s}, escaped onto {@code out}. */
    public static void escape(CharSequence s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
