package org.coloc.comments.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A post's slug: what follows the plus in its comment address ({@code coloc+<slug>@…}) and the {@code [blog:<slug>]}
 * subject tag. Lower-case ASCII letters, digits and dashes, 1 to 100 of them, and none of the words the mailbox
 * keeps for itself (a post named {@code unsubscribe} would turn comments into opt-outs). Pure code; every check
 * reads its input once, so hostile subjects and addresses cost time linear in their length.
 */
public final class Slugs {

    public static final int MAX = 100;
    /** Local-part details the mailbox uses, or that servers and readers take for system addresses. */
    public static final Set<String> RESERVED = Set.of("unsubscribe", "subscribe", "moderation", "admin", "bounce",
            "bounces", "noreply", "no-reply", "postmaster", "abuse", "mailer-daemon", "comment", "comments");
    /** The subject tag, e.g. {@code [blog:my-first-post]}; "blog" in any case. */
    static final String TAG = "[blog:";
    /** Only this much of a subject is looked at for the tag (a header line holds 998 characters). */
    static final int MAX_SUBJECT = 998;

    private Slugs() {
    }

    /** Why this is not a usable slug, or null when it is. */
    public static String problem(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "must not be empty";
        }
        if (slug.length() > MAX) {
            return "must be at most " + MAX + " characters";
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return "must hold only lower-case letters (a-z), digits and dashes";
            }
        }
        if (RESERVED.contains(slug)) {
            return "'" + slug + "' is reserved: choose another";
        }
        return null;
    }

    public static boolean valid(String slug) {
        return problem(slug) == null;
    }

    /**
     * The slug of the first {@code [blog:<slug>]} tag in a subject (lower-cased: a reader may type it as he
     * likes); empty when there is none or it names no valid slug.
     */
    public static Optional<String> fromSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String s = (subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject)
                .toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int start = s.indexOf(TAG, from);
            if (start < 0) {
                return Optional.empty();
            }
            int begin = start + TAG.length();
            // a slug is at most MAX characters: the closing bracket is looked for that far only
            int limit = Math.min(s.length(), begin + MAX + 1);
            int end = -1;
            for (int i = begin; i < limit; i++) {
                if (s.charAt(i) == ']') {
                    end = i;
                    break;
                }
            }
            if (end > begin) {
                String slug = s.substring(begin, end).strip();
                if (valid(slug)) {
                    return Optional.of(slug);
                }
            }
            from = begin;
        }
    }
}
