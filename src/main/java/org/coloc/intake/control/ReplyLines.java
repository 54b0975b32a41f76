package org.coloc.intake.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Line classifiers of {@link ReplyText}. Every pattern is applied to one line, or to at most three joined lines,
 * never longer than {@link #MAX_LINE} characters, and uses bounded repetitions only: no catastrophic backtracking.
 */
final class ReplyLines {

    /** Longer lines are never quote headers, field lines or signatures. */
    static final int MAX_LINE = 600;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Words that end a quote header: "wrote:", "a écrit :", "schrieb …:", "ha scritto:" … */
    private static final String VERBS = "wrote|writes|a\\s+écrit|schrieb|geschrieben|ha\\s+scritto|schreef|geschreven|napisał(?:\\(a\\))?|napisała"
            + "|escreveu|escribió|kirjoitti|skrev|написал|написала|yazdı|írta|napsal|kirjutas|rašė|rakstīja";
    /** "X <x@y> wrote:", "… skrev Test <t@e.com\n>:" (the name may follow the verb, then a colon). */
    private static final Pattern VERB_HEADER = Pattern.compile(
            "^[-\\s]{0,10}.{0,500}?(?<![\\p{L}/.-])(?:" + VERBS + ")(?:\\s{0,5}:?|\\s(?:[^:]|(?<=\\d):(?=\\d\\d)){0,300}+:)[-\\s]{0,10}$",
            FLAGS);
    /** Gmail's old attribution without a colon: "2011/4/7 Nathan Ivanova <support@example.com>". */
    private static final Pattern DATE_ADDRESS_HEADER = Pattern.compile(
            "^\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}\\s[^<>]{1,200}<[^<>\\s]{1,200}@[^<>\\s]{1,200}>\\s{0,3}$");
    /** Verb-less headers: "30.09.2017, 18.30, \"John\" <j@x.com>:", "сб, 30 апр. 2025 г. в 15:19, John <j@x>:". */
    private static final Pattern ADDRESS_HEADER = Pattern.compile(
            "^.{0,500}?<[^<>\\s]{1,200}@[^<>\\s]{1,200}>\\s{0,3}\\)?\\s{0,3}:\\s{0,5}$", FLAGS);
    private static final Pattern TIME = Pattern.compile("\\d{1,2}[:.h]\\d{2}");
    private static final Pattern HEADER_START = Pattern.compile(
            "^[-\\s]{0,10}(?:on|le|am|il|in data|op|em|el|w dniu|dnia|den|på)\\s", FLAGS);
    /**
     * How the first line of an attribution starts when it is not "On …": a date ("2016-10-24 15:36 …",
     * "28.04.2017, …", "Mon, 3 Apr …", "сб, 30 апр. …"), a quoted name, or a name and its address ("Jörg
     * Baumann &lt;j@gmx.de&gt; schrieb am …"). A line of text with a number in its middle ("Top, ik zet hem om 17:00
     * op.") is none of these: it is the writer's last line, not the start of the attribution below it.
     */
    private static final Pattern DATE_OR_NAME_START = Pattern.compile(
            "^[-\\s]{0,10}(?:\\p{L}{1,12}\\.?,?\\s{1,3})?\\d|^[-\\s]{0,10}[\"«„“']|^\\s{0,10}\\p{L}[^<>@:(]{0,80}(?:<|\\(<?)[^<>\\s@]{0,200}(?:@|$)",
            FLAGS);

    /** "-- ", "--", "__…" alone on their line. */
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^\\s{0,3}(?:--|_{2,200})\\s{0,5}$");
    /** "Sent from my iPhone", "Envoyé de mon iPhone", "Get Outlook for iOS<https://aka.ms/…>" … */
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s{0,3}(?:sent from|sent with|sent via|get outlook for|envoyé de|envoyé depuis|envoyé à partir de"
                    + "|envoyé avec|gesendet von|gesendet mit|von meinem|inviato da|enviado desde|enviado do|enviado de"
                    + "|verzonden vanaf|verzonden met|verstuurd vanaf|skickat från|sendt fra|wysłane z|lähetetty)"
                    + "(?:\\s{1,3}[\\p{L}\\p{N}'’&+-]{1,30}){0,6}\\s{0,3}(?:<[^<>\\s]{0,300}>|\\([^()\\s]{0,300}\\))?\\s{0,5}$",
            FLAGS);
    /** "-----Original Message-----", "-------- Message d'origine --------", "---------- Forwarded message ---------",
     * "-------- Original-Nachricht --------". */
    private static final Pattern WORD_SEPARATOR = Pattern.compile(
            "^\\s{0,5}[-=_*]{2,40}\\s{0,5}\\p{L}[\\p{L}'’ ]{2,40}(?:-\\p{L}[\\p{L}'’ ]{1,40})?[-=_*]{2,40}\\s{0,5}$", FLAGS);
    private static final Pattern FORWARD_LINE = Pattern.compile(
            "^\\s{0,5}(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht)\\s{0,3}:\\s{0,5}$",
            FLAGS);
    /** Only separator characters: "------", "____", "====". */
    private static final Pattern SEPARATOR = Pattern.compile("^\\s{0,5}[-=_*]{3,200}\\s{0,5}$");
    private static final Pattern FROM_FIELD = Pattern.compile(
            "^\\s{0,12}\\*{0,2}(?:from|de|von|van|da|fra|från|od|lähettäjä|от|expéditeur|feladó)\\s{0,3}:\\*{0,2}\\s{0,5}\\S",
            FLAGS);
    private static final Pattern OTHER_FIELD = Pattern.compile(
            "^\\s{0,12}\\*{0,2}(?:sent|date|envoyé|envoyé le|gesendet|datum|verzonden|inviato|enviado|enviada|data|dato|sendt"
                    + "|skickat|lähetetty|wysłano|wysłane|to|à|a|an|aan|til|till|para|do|subject|objet|betreff"
                    + "|onderwerp|oggetto|emne|ämne|asunto|assunto|sujet|temat|aihe|cc|copie|kopie|tárgy|отправлено|кому|тема)"
                    + "\\s{0,3}:", FLAGS);
    /** A field line with a date just above an Outlook block: "Message du : 12/12/2016 13:20". */
    private static final Pattern DATED_FIELD = Pattern.compile("^\\s{0,5}\\p{L}[\\p{L} ']{0,30}\\s?:\\s.{0,80}\\d");
    /** "Regards," and its kin, closing the text. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s{0,5}(?:(?:best|kind|warm|warmest|with kind|many)\\s{1,3})?regards\\s{0,3}[,.!]?\\s{0,5}$"
                    + "|^\\s{0,5}(?:bien\\s{1,3}|très\\s{1,3})?cordialement\\s{0,3}[,.!]?\\s{0,5}$"
                    + "|^\\s{0,5}(?:sincères\\s{1,3}|meilleures\\s{1,3})?salutations(?:\\s{1,3}distinguées)?\\s{0,3}[,.!]?\\s{0,5}$"
                    + "|^\\s{0,5}(?:mit freundlichen grüßen|viele grüße|met vriendelijke groet(?:en)?|cordiali saluti"
                    + "|saludos(?: cordiales)?|atenciosamente)\\s{0,3}[,.!]?\\s{0,5}$",
            FLAGS);
    /** "-Abhishek Kona": a dash-name sign-off on the last line. */
    private static final Pattern DASH_NAME = Pattern.compile("^-\\p{L}[\\p{L}\\p{N} .'’-]{0,40}$");
    private static final Pattern HEADER_VERB_END = Pattern.compile("(?:" + VERBS + ")\\s{0,3}:\\s{0,3}$", FLAGS);

    private ReplyLines() {
    }

    /**
     * A line of quoted history: "&gt; …", and the older marks some clients and people still use: "| …" (one bar
     * only: a table row has several) and Supercite's initials, "C&gt; …", "JD&gt; …".
     */
    static boolean isQuoted(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
            i++;
        }
        if (i >= line.length()) {
            return false;
        }
        char c = line.charAt(i);
        if (c == '>') {
            // ">:" alone ends a wrapped "… <address\n>:" header; it quotes nothing
            return !line.strip().equals(">:");
        }
        if (c == '|') {
            return line.indexOf('|', i + 1) < 0;
        }
        return initialsQuote(line, i);
    }

    /** "C&gt; text", "JD&gt;", "ABC&gt; text": one to three capitals, "&gt;", then a space or the end of the line. */
    private static boolean initialsQuote(String line, int i) {
        int j = i;
        while (j < line.length() && j - i < 3 && line.charAt(j) >= 'A' && line.charAt(j) <= 'Z') {
            j++;
        }
        return j > i && j < line.length() && line.charAt(j) == '>'
                && (j + 1 == line.length() || line.charAt(j + 1) == ' ');
    }

    /** A long quoted line: the plain line right after it is the rest of it, wrapped without its "&gt;". */
    static boolean isLazyContinuation(String quotedLine) {
        return quotedLine.strip().length() >= 60;
    }

    /** Only separator characters: "------", "====". */
    static boolean isSeparator(String line) {
        return line.length() <= MAX_LINE && SEPARATOR.matcher(line).matches();
    }

    static boolean isSignatureStart(String line) {
        if (line.length() > MAX_LINE) {
            return false;
        }
        char first = firstNonBlank(line);
        if (first == '-' || first == '_') {
            return SIGNATURE_DELIMITER.matcher(line).matches();
        }
        // the regex costs far more than this look at the first letter: every line of a body passes here
        return MOBILE_FIRST_LETTERS.indexOf(Character.toLowerCase(first)) >= 0 && MOBILE_SIGNATURE.matcher(line).matches();
    }

    /** First letters of the phrases of {@link #MOBILE_SIGNATURE}: sent, get, envoyé, von, inviato, wysłane, lähetetty… */
    private static final String MOBILE_FIRST_LETTERS = "sgeviwl";

    private static char firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return ' ';
    }

    /** How many lines (1 to 3, non-blank, unquoted) form a quote header starting at line i; 0 if none. */
    static int quoteHeaderLength(List<String> lines, int i) {
        String first = lines.get(i);
        if (first.length() > MAX_LINE) {
            return 0;
        }
        boolean plausibleStart = plausibleHeaderStart(first);
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < 3 && i + k < lines.size(); k++) {
            String line = lines.get(i + k);
            if (line.isBlank() || isQuoted(line) || joined.length() + line.length() > MAX_LINE) {
                return 0;
            }
            if (k > 0 && !plausibleStart) {
                return 0;
            }
            join(joined, line, false);
            if (isQuoteHeader(joined)) {
                // the writer's last line just above a wrapped attribution is not part of it
                return k > 0 && !continuesIntoNext(first) && headerOf(lines, i + 1, i + k + 1) ? 0 : k + 1;
            }
        }
        return 0;
    }

    /** Whether lines from..end-1 (1 or 2 lines) alone form a quote header with a plausible start. */
    private static boolean headerOf(List<String> lines, int from, int end) {
        StringBuilder joined = new StringBuilder();
        for (int j = from; j < end; j++) {
            join(joined, lines.get(j), false);
        }
        return plausibleHeaderStart(lines.get(from)) && isQuoteHeader(joined);
    }

    /**
     * Adds a line of a wrapped header (stripped) after or before the joined ones, with a space, except where the
     * client broke an address ("Foo bar &lt;" / "info@foo.bar&gt;:", "pieter.devries@" / "ziggo.nl&gt;:",
     * "…example.org" / "&gt;:"): those pieces are glued back, so that the address reads as one.
     */
    private static void join(StringBuilder joined, String line, boolean before) {
        String piece = line.replace('\u00a0', ' ').strip();
        if (joined.isEmpty()) {
            joined.append(piece);
            return;
        }
        char end = before ? lastChar(piece) : joined.charAt(joined.length() - 1);
        char start = before ? joined.charAt(0) : (piece.isEmpty() ? ' ' : piece.charAt(0));
        boolean glue = end == '<' || end == '@' || start == '>' || start == '@' || (end == '(' && start == '<');
        String separator = glue ? "" : " ";
        if (before) {
            joined.insert(0, piece + separator);
        } else {
            joined.append(separator).append(piece);
        }
    }

    private static char lastChar(String s) {
        return s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
    }

    /**
     * A line that does not stand alone above the rest of an attribution: it opens one ("On …", "Le …", "Am …")
     * or ends where a client wraps inside one (after a comma, "&lt;", "(", "@").
     */
    private static boolean continuesIntoNext(String line) {
        String s = line.strip();
        char last = lastChar(s);
        return HEADER_START.matcher(s).find() || last == ',' || last == '<' || last == '(' || last == '@';
    }

    /** Whether the line opens with a quote header's first word: "On", "Le", "Am", "Op", "El", "Il" … */
    static boolean opensAttribution(String line) {
        return line.length() <= MAX_LINE && HEADER_START.matcher(line).find();
    }

    /** "On …", "Le …", a date, or a name with its address: what the first line of a wrapped quote header looks like. */
    private static boolean plausibleHeaderStart(String line) {
        return HEADER_START.matcher(line).find() || DATE_OR_NAME_START.matcher(line).find();
    }

    static boolean isQuoteHeader(CharSequence s) {
        boolean dated = hasDigit(s) || indexOf(s, '@') >= 0;
        if (!dated) {
            return false;
        }
        if (VERB_HEADER.matcher(s).matches() || DATE_ADDRESS_HEADER.matcher(s).matches()) {
            return true;
        }
        return ADDRESS_HEADER.matcher(s).matches() && TIME.matcher(s).find();
    }

    /** Index of the first line of a quote header (1 to 3 lines) that ends right above {@code end}, or -1. */
    static int attributionAbove(List<String> lines, int end) {
        StringBuilder joined = new StringBuilder();
        int found = -1;
        for (int k = 1; k <= 3 && end - k >= 0; k++) {
            String line = lines.get(end - k);
            if (line.isBlank() || isQuoted(line) || joined.length() + line.length() > MAX_LINE) {
                break;
            }
            if (found >= 0 && !continuesIntoNext(line)) {
                break; // the attribution is whole: the line above it is the writer's own
            }
            join(joined, line, true);
            if (isQuoteHeader(joined) && plausibleHeaderStart(line)) {
                found = end - k; // the longest one: "On …, Corey\n<c@x>\nwrote:" rather than "<c@x>\nwrote:"
            }
        }
        return found;
    }

    /** A truncated or unusual attribution line ("On … <john@example.com> wro") right above a quoted block. */
    static boolean isAttributionLike(String line) {
        if (line.length() > MAX_LINE) {
            return false;
        }
        String s = line.strip();
        if (HEADER_START.matcher(s).find() && s.indexOf('@') >= 0) {
            return true;
        }
        return s.endsWith(":") && (s.indexOf('@') >= 0 || HEADER_VERB_END.matcher(s).find());
    }

    /**
     * The start of an Outlook / forward block at line i ("-----Original Message-----", or "From:" followed by
     * other header fields), including the separator lines just above it; -1 if line i starts none.
     */
    static int outlookBlockStart(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.length() > MAX_LINE) {
            return -1;
        }
        if (line.indexOf(':') < 0 && !hasSeparatorChar(line)) {
            return -1; // every pattern below needs a colon or a separator run: most lines have neither
        }
        if (WORD_SEPARATOR.matcher(line).matches() || FORWARD_LINE.matcher(line).matches()) {
            return i;
        }
        boolean from = FROM_FIELD.matcher(line).find();
        if (!from && !OTHER_FIELD.matcher(line).find()) {
            return -1;
        }
        int fields = 0;
        boolean fromBelow = false;
        for (int j = i + 1; j < lines.size() && j <= i + 6; j++) {
            String next = lines.get(j);
            if (next.length() <= MAX_LINE && OTHER_FIELD.matcher(next).find()) {
                fields++;
            } else if (j <= i + 4 && next.length() <= MAX_LINE && FROM_FIELD.matcher(next).find()) {
                fromBelow = true;
                fields++;
            }
        }
        // "From:" and another field below it, or a block of fields with a "From:" in it ("Date:/Subject:/From:/To:")
        if (from ? fields == 0 : !(fromBelow && fields >= 2)) {
            return -1;
        }
        int start = i;
        int j = i - 1;
        if (j >= 0 && lines.get(j).length() <= MAX_LINE && DATED_FIELD.matcher(lines.get(j)).find()) {
            start = j;
            j--;
        }
        while (j >= 0) {
            String above = lines.get(j);
            if (above.isBlank()) {
                j--;
            } else if (above.length() <= MAX_LINE && SEPARATOR.matcher(above).matches()) {
                start = j;
                j--;
            } else {
                break;
            }
        }
        return start;
    }

    /** Start of a closing sign-off ("Regards,\n\nJohn Doe\nCEO", "-Abhishek Kona") before {@code end}; -1 if none. */
    static int signOffStart(List<String> lines, int end) {
        int last = end - 1;
        if (last < 0) {
            return -1;
        }
        String lastLine = lines.get(last).strip();
        if (DASH_NAME.matcher(lastLine).matches() && last > 0 && lines.get(last - 1).isBlank()) {
            return last;
        }
        int seen = 0;
        for (int i = last; i >= 0 && seen < 7; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > 80) {
                return -1;
            }
            seen++;
            if (SIGN_OFF.matcher(line).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasSeparatorChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '=' || c == '_' || c == '*') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(CharSequence s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
