package org.coloc.intake.control;

/** Decides the {@link MailKind} of a parsed mail. Pure code. */
public class MailClassifier {

    private final String ownAddress;

    /** @param ownAddress the coloc address: mail from it is our own coming back */
    public MailClassifier(String ownAddress) {
        this.ownAddress = ownAddress;
    }

    public Classification classify(ParsedMail mail) {
        if (mail.from() != null && mail.from().address().equalsIgnoreCase(ownAddress)) {
            return Classification.of(MailKind.LOOP, "sent from our own address");
        }
        return Classification.of(MailKind.HUMAN, "no automatic or list marker");
    }
}
