package org.coloc.cases.control;

import java.util.Locale;
import java.util.Set;

/** Guesses whether a mail is in French or English, to answer in kind; French when unsure. Pure code. */
public final class Languages {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "une", "est", "pour", "nous", "vous",
            "bonjour", "merci", "avec", "dans", "pas", "sur", "je", "et", "du", "au", "cordialement", "votre", "notre");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "for", "we", "you", "hello", "thanks", "with",
            "in", "not", "on", "i", "to", "of", "our", "your", "regards", "please", "would", "hi");

    private Languages() {
    }

    /** "en" when English words clearly outnumber French ones, else "fr". */
    public static String guess(String subject, String text) {
        String all = ((subject == null ? "" : subject) + " " + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        int fr = 0;
        int en = 0;
        for (String word : all.split("[^\\p{L}]+")) {
            if (FRENCH.contains(word)) {
                fr++;
            }
            if (ENGLISH.contains(word)) {
                en++;
            }
        }
        return en > fr * 1.5 && en >= 2 ? "en" : "fr";
    }
}
