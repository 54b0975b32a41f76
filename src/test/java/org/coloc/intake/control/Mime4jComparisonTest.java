package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Our MIME splitter and Apache mime4j's (0.8.14, lenient), side by side: the same conformance tests over the
 * shared corpora with each, and the time each takes on the hostile mails. Everything after the split (header
 * charsets, RFC 2047/2231, body selection, classification) is ours in both runs. Prints a table; asserts only
 * that our parser, the one in use, is not beaten (the decision recorded in doc/i8-parse.md rests on it).
 */
class Mime4jComparisonTest {

    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    private interface Check {
        void run() throws Exception;
    }

    @Test
    void oursAgainstMime4jOnTheCorporaAndTheHostileMails() throws Exception {
        Map<String, Supplier<MimeParser>> parsers = new LinkedHashMap<>();
        parsers.put("ours", MimeParser::new);
        parsers.put("mime4j", Mime4jStructure::parser);
        Map<String, String[]> rows = new LinkedHashMap<>();
        int column = 0;
        for (Map.Entry<String, Supplier<MimeParser>> p : parsers.entrySet()) {
            Corpora.parsers = p.getValue();
            Corpora.comparingAnotherParser = column > 0;
            try {
                List<String> lines = captured(List.of(
                        () -> new CorpusRobustnessTest().everyCorpusMailParsesOrIsRejectedQuicklyAndNeverCrashes(),
                        () -> new StalwartConformanceTest().decodesLikeStalwart(),
                        () -> new Mime4jConformanceTest().decodedLeafBodiesMatchMime4j(),
                        () -> new MikelAndNotmuchConformanceTest().mikelMailFacts(),
                        () -> new MikelAndNotmuchConformanceTest().notmuchSubjectsSendersAndRtAutoReply(),
                        () -> new BounceCorpusConformanceTest().classifiesSisimaiMailsLikeSisimai(),
                        () -> new BounceCorpusConformanceTest().flankerBounceFacts()));
                if (VERBOSE) {
                    // every mismatch of each run, to diff: target/comparison-ours.txt, target/comparison-mime4j.txt
                    java.nio.file.Files.write(java.nio.file.Path.of("target", "comparison-" + p.getKey() + ".txt"), lines);
                }
                for (String line : lines) {
                    int colon = line.indexOf(": ");
                    if (colon > 0 && !line.startsWith("rejected ") && !line.startsWith(" ")) {
                        rows.computeIfAbsent(line.substring(0, colon), k -> new String[parsers.size()])[column] =
                                line.substring(colon + 2);
                    }
                }
            } finally {
                Corpora.parsers = MimeParser::new;
                Corpora.comparingAnotherParser = false;
            }
            column++;
        }
        // timed after both corpus runs, one parser right after the other, so that neither pays the JIT warm-up
        for (Map.Entry<String, byte[]> h : HostileMails.all().entrySet()) {
            String[] row = rows.computeIfAbsent("hostile: " + h.getKey() + " (" + h.getValue().length / 1024 + " KB)",
                    k -> new String[parsers.size()]);
            int c = 0;
            for (Supplier<MimeParser> p : parsers.values()) {
                row[c++] = timed(p, h.getValue());
            }
        }
        StringBuilder table = new StringBuilder("\n| check | ours | mime4j |\n|---|---|---|\n");
        rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1]).append(" |\n"));
        System.out.println(table);
        String stalwartText = rows.get("stalwart text body")[0];
        assertTrue(stalwartText != null && stalwartText.startsWith("35/"), "ours as recorded: " + stalwartText);
    }

    /** Runs the checks with System.out captured; a floor that fails (mime4j scoring lower) is a result too. */
    private static List<String> captured(List<Check> checks) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            for (Check c : checks) {
                try {
                    c.run();
                } catch (AssertionError e) {
                    System.out.println("floor: " + e.getMessage());
                }
            }
        } finally {
            System.setOut(original);
        }
        return List.of(buffer.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** Parse, classify and strip quotes, as intake does; best of three, or where it was stopped. */
    private static String timed(Supplier<MimeParser> parser, byte[] raw) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "comparison");
            t.setDaemon(true);
            return t;
        });
        try {
            long best = Long.MAX_VALUE;
            String outcome = "";
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                Future<String> f = pool.submit(() -> {
                    try {
                        ParsedMail m = parser.get().parse(raw);
                        new MailClassifier("support@example.org").classify(m);
                        ReplyText.newText(m.text());
                        return m.attachments().size() + " att., " + m.text().length() / 1024 + " KB text";
                    } catch (UnparseableMailException e) {
                        return "rejected";
                    }
                });
                try {
                    outcome = f.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    return "> 30 s (stopped)";
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            return best / 1_000_000 + " ms (" + outcome + ")";
        } finally {
            pool.shutdownNow();
        }
    }
}
