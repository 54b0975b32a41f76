package org.coloc.cases.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses whether a mail is in French or English, to answer in kind; French when there is nothing to go by.
 * Pure code.
 *
 * <p>Evidence is counted over the subject and the text together: function words of each language, and for
 * French also words spelt with its accented letters (é, è, à, ç…), which English words almost never carry.
 * A mail with English evidence and none of French is English, however short: "Email with only text." once got
 * a French acknowledgement because the old rule wanted two English words and a clear lead, which a one-line
 * mail rarely gives. With evidence on both sides English must clearly lead (1.5 times as much, at least two).
 * Words both languages use ("on", "a", "email", "message", "test") count for neither.
 */
public final class Languages {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "une", "un", "est", "pour", "nous",
            "vous", "bonjour", "bonsoir", "salut", "merci", "avec", "dans", "pas", "sur", "je", "et", "du", "au", "aux",
            "cordialement", "votre", "notre", "vos", "nos", "mon", "ma", "mes", "ce", "cette", "ces", "qui", "que",
            "il", "elle", "ils", "mais", "ou", "ne", "se", "en", "oui", "svp", "stp", "bien", "avez", "avons", "suis",
            "sont", "fait", "peux", "pouvez", "voudrais", "aurais", "serait", "quand", "comment", "pourquoi", "chez");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "for", "we", "you", "hello", "thanks",
            "thank", "with", "in", "not", "i", "to", "of", "our", "your", "regards", "please", "would", "hi", "dear",
            "this", "that", "it", "are", "be", "have", "has", "can", "could", "my", "me", "an", "only", "just", "from",
            "at", "was", "will", "what", "how", "why", "when", "there", "here", "do", "does", "if", "or", "but",
            "any", "all", "by", "about", "some", "get", "got", "need", "know", "which", "should", "since", "still",
            "anyone", "best", "cheers", "sorry", "yes", "no", "works", "working", "text", "without", "into");
    /** Letters French writes and English (loanwords aside) does not. */
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêëàâùûüçœîïôÿ]");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}]+");

    private Languages() {
    }

    /** "en" when the evidence says English (see the class comment), else "fr". */
    public static String guess(String subject, String text) {
        String all = ((subject == null ? "" : subject) + " " + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        int fr = 0;
        int en = 0;
        for (String word : WORD_BREAK.split(all)) {
            if (FRENCH.contains(word) || FRENCH_LETTERS.matcher(word).find()) {
                fr++;
            } else if (ENGLISH.contains(word)) {
                en++;
            }
        }
        if (en == 0) {
            return "fr";
        }
        if (fr == 0) {
            return "en";
        }
        return en > fr * 1.5 && en >= 2 ? "en" : "fr";
    }
}
