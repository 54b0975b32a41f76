package org.coloc.outbox.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coloc.platform.Bounded;

/**
 * What may go into the headers of a mail we send, whoever queued it and whatever a stranger put in the values:
 * no line break (a value with CR/LF would add headers of its choosing), no line over the 998 characters of
 * RFC 5322 (strict servers refuse the mail), a subject of sane length, and a {@code References} list cut to
 * its first and last few ids, as RFC 5322 (3.6.4) suggests for long threads. Pure code.
 */
public final class Headers {

    /** Longest subject we send (characters, before encoding). */
    public static final int MAX_SUBJECT = 400;
    /** Longest Message-ID we put in a header: {@code In-Reply-To: <…>} stays under 998 characters. */
    public static final int MAX_ID = 900;
    /** Longest id kept in {@code References}: 20 of them always fit the stored column. */
    public static final int MAX_REFERENCE_ID = 250;
    public static final int FIRST_REFERENCES = 3;
    public static final int LAST_REFERENCES = 17;

    private Headers() {
    }

    /** One line, no control character, at most {@link #MAX_SUBJECT} characters. */
    public static String subject(String subject) {
        if (subject == null) {
            return "";
        }
        String oneLine = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").replaceAll("\\s+", " ").strip();
        return Bounded.text(oneLine, MAX_SUBJECT);
    }

    /**
     * A Message-ID without its angle brackets, or null when it cannot be sent as is: empty, longer than
     * {@link #MAX_ID}, or holding spaces, control characters, brackets or non-ASCII characters.
     */
    public static String id(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > MAX_ID) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>') {
                return null;
            }
        }
        return s;
    }

    /**
     * The ids to send in {@code References}: sendable ones (see {@link #id}) of at most
     * {@link #MAX_REFERENCE_ID} characters, each once, and of a long list only the first
     * {@link #FIRST_REFERENCES} (the thread's start) and the last {@link #LAST_REFERENCES} (its recent part).
     */
    public static List<String> references(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String raw : ids) {
            String id = id(raw);
            if (id != null && id.length() <= MAX_REFERENCE_ID) {
                kept.add(id);
            }
        }
        List<String> all = new ArrayList<>(kept);
        if (all.size() <= FIRST_REFERENCES + LAST_REFERENCES) {
            return all;
        }
        List<String> cut = new ArrayList<>(all.subList(0, FIRST_REFERENCES));
        cut.addAll(all.subList(all.size() - LAST_REFERENCES, all.size()));
        return cut;
    }
}
