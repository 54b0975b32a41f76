package org.coloc.cases.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coloc.outbox.control.SubjectTag;

/** Subject lines of incoming mail: the case tag they carry and the normalised form used to recognise replies. Pure code. */
public final class Subjects {

    /**
     * Reply prefixes in the languages our members write (en, fr, de, nl, sv/da/no, it) with an optional counter
     * ({@code Re[2]:}, {@code Re(2):}, {@code Re^2:}) and blanks before the colon ({@code RE :}, French style).
     * Anchored at the start and closed by a colon, so a real word ({@code Reboot:}, {@code Refund:},
     * {@code Tracking:}, {@code R2D2:}) is never taken for a prefix.
     */
    private static final String REPLY_WORDS = "re|r[ée]f|r[ée]p|aw|sv|antw|r|rif|vs";
    private static final String FORWARD_WORDS = "fwd?|fw|tr|wg|enc|rv|i";
    private static final String COUNTER = "(?:\\s*(?:\\[\\d{1,4}\\]|\\(\\d{1,4}\\)|\\^\\d{1,4}))?";
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^(?:" + REPLY_WORDS + ")" + COUNTER + "\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARD_PREFIX = Pattern.compile(
            "^(?:" + FORWARD_WORDS + ")" + COUNTER + "\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Our tag anywhere, as the outbox writes it, read leniently (see {@link SubjectTag}). */
    private static final Pattern CASE_TAG = SubjectTag.ANY;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    /**
     * A list or ticket tag at the start: one token without blanks ({@code [notmuch]}, {@code [aur-general]},
     * {@code [PATCH]}) or another tracker's ticket tag ({@code [support.example.org #33575]}). Tags with words
     * ({@code [PATCH 1/2]}) are kept: they tell different mails apart.
     */
    private static final Pattern LIST_TAG = Pattern.compile("^\\[(?:[^\\]\\s]{1,40}|[^\\]\\[]{1,80}#\\s*\\d+)\\]\\s*");
    /** Old clients' forward: the whole subject in brackets. */
    private static final Pattern BRACKETED_FORWARD = Pattern.compile("^\\[(?:fwd?|fw)\\s*:\\s*(.*)\\]$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u3000]+");

    private Subjects() {
    }

    /**
     * Strips reply/forward prefixes (Re:, RE :, Re[2]:, Fwd:, TR:, Réf :, AW:, WG:, SV:, Antw:, R:, RIF:, …) and
     * their repeats, our case tag anywhere, list tags at the start; collapses blanks; lower-case; never null.
     */
    public static String normalise(String subject) {
        return strip(subject).text;
    }

    /** Whether the subject carries a reply prefix (not a forward one), possibly behind list tags or our tag. */
    public static boolean looksLikeReply(String subject) {
        return strip(subject).reply;
    }

    /** The N of a {@code [coloc #N]} tag (the first valid one), or null; N is a positive long. */
    public static Long caseTag(String subject) {
        if (subject == null) {
            return null;
        }
        Matcher m = CASE_TAG.matcher(subject);
        while (m.find()) {
            Long n = positiveLong(m.group(1));
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private record Stripped(String text, boolean reply) {
    }

    private static Stripped strip(String subject) {
        if (subject == null) {
            return new Stripped("", false);
        }
        String s = Normalizer.normalize(subject, Normalizer.Form.NFC);
        s = CASE_TAG.matcher(s).replaceAll(" ");
        s = BLANKS.matcher(s).replaceAll(" ").strip();
        boolean reply = false;
        for (int guard = 0; guard < 100; guard++) {
            Matcher m;
            if ((m = REPLY_PREFIX.matcher(s)).find()) {
                reply = true;
            } else if (!(m = FORWARD_PREFIX.matcher(s)).find() && !(m = LIST_TAG.matcher(s)).find()) {
                Matcher b = BRACKETED_FORWARD.matcher(s);
                if (!b.matches()) {
                    break;
                }
                s = b.group(1).strip();
                continue;
            }
            s = s.substring(m.end());
        }
        return new Stripped(s.toLowerCase(Locale.ROOT).strip(), reply);
    }

    private static Long positiveLong(String digits) {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            return null;
        }
        try {
            long n = Long.parseLong(digits);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
