package org.coloc.outbox.control;

import java.util.regex.Pattern;

/**
 * The case tag of the subjects we send, {@code [coloc #N]}: written here, by the outbox, for every mail about a
 * case; read back (leniently, with {@link #ANY}) by the threading of incoming mail. Pure code.
 */
public final class SubjectTag {

    /** Our tag anywhere, lenient on case and blanks; the number is checked apart (garbage → no case). */
    public static final Pattern ANY = Pattern.compile("\\[\\s*coloc\\s*#\\s*([^\\]\\s]*)\\s*\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u3000]+");

    private SubjectTag() {
    }

    /**
     * The subject with our tag in front, exactly once: any {@code [coloc #…]} tag already in it (this case's or
     * another's) is removed first, so a reply is not tagged twice and a mail moved to another case shows its new
     * number only.
     */
    public static String tagged(long caseNumber, String subject) {
        if (caseNumber <= 0) {
            throw new IllegalArgumentException("case number must be positive: " + caseNumber);
        }
        String rest = subject == null ? "" : ANY.matcher(subject).replaceAll(" ");
        rest = BLANKS.matcher(rest).replaceAll(" ").strip();
        String tag = "[coloc #" + caseNumber + "]";
        return rest.isEmpty() ? tag : tag + " " + rest;
    }
}
