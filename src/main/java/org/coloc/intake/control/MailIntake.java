package org.coloc.intake.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.coloc.intake.entity.ParsedFields;

/**
 * From raw bytes to what the database keeps: size cap, parse, classify. Pure code: the container only
 * wraps it in a transaction. Never throws for a bad mail; it answers {@link Result#rejected}.
 */
public class MailIntake {

    /** The parsing step; tests put a deliberately slow one in its place. */
    @FunctionalInterface
    public interface Parser {
        ParsedMail parse(byte[] raw) throws UnparseableMailException;
    }

    /** How long one mail's parse may take by default, and the reason given when it takes longer. */
    public static final Duration DEFAULT_PARSE_BUDGET = Duration.ofSeconds(10);
    static final String TOO_SLOW = "took too long to parse";

    private final Parser parser;
    private final MailClassifier classifier;
    private final long maxMessageBytes;
    private final Duration parseBudget;

    public MailIntake(String ownAddress, long maxMessageBytes) {
        this(ownAddress, maxMessageBytes, DEFAULT_PARSE_BUDGET, new MimeParser()::parse);
    }

    public MailIntake(String ownAddress, long maxMessageBytes, Duration parseBudget) {
        this(ownAddress, maxMessageBytes, parseBudget, new MimeParser()::parse);
    }

    MailIntake(String ownAddress, long maxMessageBytes, Duration parseBudget, Parser parser) {
        this.classifier = new MailClassifier(ownAddress);
        this.maxMessageBytes = maxMessageBytes;
        this.parseBudget = Objects.requireNonNull(parseBudget);
        this.parser = Objects.requireNonNull(parser);
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

    /**
     * Takes in a whole batch, parsing in parallel with a time budget per mail: one slow mail never holds the
     * batch behind it. Past its budget a mail is rejected ("took too long to parse"), its raw bytes are kept
     * by the caller, and the others go on. The results are in the order of {@code raws}.
     */
    public List<Result> takeAll(List<byte[]> raws) {
        String tooSlow = TOO_SLOW + " (over " + parseBudget.toSeconds() + " s, coloc.imap.parse-timeout-seconds)";
        return new ParseDeadline<byte[], Result>(parseBudget, Runtime.getRuntime().availableProcessors())
                .map(raws, this::take, raw -> Result.rejected(tooSlow));
    }

    /** Takes in one mail on the calling thread, without a time budget. */
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
