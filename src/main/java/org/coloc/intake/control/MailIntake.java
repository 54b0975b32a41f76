package org.coloc.intake.control;

import org.coloc.intake.entity.ParsedFields;

/**
 * From raw bytes to what the database keeps: size cap, parse, classify. Pure code: the container only
 * wraps it in a transaction. Never throws for a bad mail; it answers {@link Result#rejected}.
 */
public class MailIntake {

    private final MimeParser parser = new MimeParser();
    private final MailClassifier classifier;
    private final long maxMessageBytes;

    public MailIntake(String ownAddress, long maxMessageBytes) {
        this.classifier = new MailClassifier(ownAddress);
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Either the stored fields (and the parsed mail, for later stages), or the reason for quarantine. */
    public record Result(ParsedFields fields, ParsedMail mail, Classification classification, String rejection) {

        static Result rejected(String reason) {
            return new Result(null, null, null, reason);
        }

        public boolean isRejected() {
            return rejection != null;
        }
    }

    public Result take(byte[] raw) {
        if (raw.length > maxMessageBytes) {
            return Result.rejected("message of " + raw.length + " bytes exceeds the limit of " + maxMessageBytes
                    + " bytes (coloc.imap.max-message-size)");
        }
        try {
            ParsedMail mail = parser.parse(raw);
            Classification c = classifier.classify(mail);
            return new Result(fieldsOf(mail, c), mail, c, null);
        } catch (UnparseableMailException e) {
            return Result.rejected("unparseable: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must quarantine this mail, not stop the ones behind it
            return Result.rejected("parser failure: " + e);
        }
    }

    static ParsedFields fieldsOf(ParsedMail m, Classification c) {
        return new ParsedFields(
                m.from() == null ? null : m.from().address(),
                m.from() == null ? null : m.from().name(),
                m.subject(),
                m.date(),
                c.kind().label(),
                c.reason(),
                c.failedRecipient(),
                c.status(),
                m.inReplyTo(),
                m.text());
    }
}
