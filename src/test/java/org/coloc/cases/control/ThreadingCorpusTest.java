package org.coloc.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.coloc.cases.control.Threading.Decision;
import org.coloc.cases.control.Threading.MailFacts;
import org.coloc.intake.control.MimeParser;
import org.coloc.intake.control.ParsedMail;
import org.coloc.intake.control.UnparseableMailException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The app's threading replayed over notmuch's test corpora, against notmuch's own thread groupings
 * ({@code expected/*.threads.json}). Mails are processed in Date order; equal dates (and undated mails, put
 * last) in file-path order, as a maildir listing would give them. A file whose Message-ID is already stored is
 * a duplicate, filed once (the intake dedupes). The store is {@link InMemoryCases}: ids of stored messages and
 * of the messages they reference, participants, normalised subject and last activity per case.
 *
 * <p>Required: no notmuch thread split across cases, and no case holding two notmuch threads whose mails have
 * different normalised subjects (joining same-subject threads is the subject rule working).
 */
class ThreadingCorpusTest {

    private static Path notmuch() {
        Path p = Paths.get(System.getProperty("coloc.shared.dir", "../shared"), "corpora", "notmuch");
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("expected")), "notmuch corpus not found at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void defaultCorpus() {
        Score s = replay("default", List.of("default"));
        assertEquals(24, s.threads);
        assertEquals(52, s.mails, "every distinct message threaded");
        assertEquals(1, s.duplicates);
        assertEquals(24, s.cases, "no subject merges expected here");
        assertTrue(s.rules.getOrDefault("references", 0) >= 28, "references rule regressed: " + s.rules);
        s.assertClean();
    }

    /** The smaller corpora, alone and all in one store: (name, sets, threads, mails, fewest and most cases). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"threading; threading; 3; 12; 2; 3", "broken; broken; 3; 4; 3; 3",
        "all; default,threading,broken; 30; 68; 29; 68"})
    void corpus(String name, String sets, int threads, int mails, int fewestCases, int mostCases) {
        Score s = replay(name, List.of(sets.split(",")));
        assertEquals(threads, s.threads);
        assertEquals(mails, s.mails);
        assertTrue(s.cases >= fewestCases && s.cases <= mostCases, "cases: " + s.cases);
        s.assertClean();
    }

    /**
     * The same mails as if a relay had dropped In-Reply-To and References: only the subject rule can join
     * replies now. Splits are expected (list replies often lack "Re:", and the rule needs the same sender);
     * merging different conversations is still forbidden.
     */
    @Test
    void defaultCorpusWithoutReplyHeaders() {
        Score s = replay("default, reply headers dropped", List.of("default"), true);
        assertEquals(52, s.mails);
        assertTrue(s.rules.getOrDefault("subject", 0) >= 3, "subject rule regressed: " + s.rules);
        assertTrue(s.splits <= 13, "splits: " + s.splits);
        assertEquals(0, s.wrongMerges, "different conversations merged " + s.problems);
    }

    private record Mail(String file, String thread, ParsedMail parsed) {
    }

    private static final class Score {
        String name;
        int threads;
        int mails;
        int duplicates;
        int cases;
        int splits;
        int wrongMerges;
        int subjectMerges;
        final Map<String, Integer> rules = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        void assertClean() {
            assertEquals(0, splits, name + ": notmuch threads split across cases " + problems);
            assertEquals(0, wrongMerges, name + ": threads with different subjects merged " + problems);
        }
    }

    private Score replay(String name, List<String> sets) {
        return replay(name, sets, false);
    }

    private Score replay(String name, List<String> sets, boolean dropReplyHeaders) {
        Path root = notmuch();
        List<Mail> mails = new ArrayList<>();
        Score score = new Score();
        score.name = name;
        for (String set : sets) {
            JsonObject files = json(root.resolve("expected/" + set + ".threads.json")).getJsonObject("files");
            score.threads += json(root.resolve("expected/" + set + ".threads.json")).getInt("thread_count");
            for (Path f : files(root.resolve(set))) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                JsonObject e = files.getJsonObject(rel);
                assertNotNull(e, "no expectation for " + rel);
                try {
                    mails.add(new Mail(rel, set + "/" + e.getString("thread"), new MimeParser().parse(Files.readAllBytes(f))));
                } catch (UnparseableMailException | IOException ex) {
                    throw new AssertionError(rel + " did not parse", ex);
                }
            }
            assertEquals(files.size(), mails.stream().filter(m -> m.file.startsWith(set + "/")).count(),
                    set + ": every expected file is in the corpus");
        }
        mails.sort(Comparator.comparing((Mail m) -> m.parsed.date(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Mail::file));

        InMemoryCases store = new InMemoryCases();
        Map<String, Long> caseOfFile = new HashMap<>();
        Instant clock = Instant.EPOCH;
        for (Mail m : mails) {
            ParsedMail p = m.parsed;
            String id = Threading.id(p.messageId());
            if (id != null && store.stored.containsKey(id)) {
                score.duplicates++;
                caseOfFile.put(m.file, store.stored.get(id));
                continue;
            }
            if (p.date() != null && p.date().isAfter(clock)) {
                clock = p.date();
            }
            MailFacts facts = new MailFacts(id, dropReplyHeaders ? null : p.inReplyTo(),
                    dropReplyHeaders ? null : p.references(),
                    p.from() == null ? null : p.from().address().toLowerCase(Locale.ROOT), p.subject(), p.date());
            Decision d = store.receive(facts, clock);
            score.rules.merge(d.rule(), 1, Integer::sum);
            score.mails++;
            caseOfFile.put(m.file, d.caseNumber());
        }
        score.cases = store.caseCount();

        Map<String, Set<Long>> casesOfThread = new TreeMap<>();
        Map<Long, Map<String, Set<String>>> subjectsOfThreadsInCase = new TreeMap<>();
        for (Mail m : mails) {
            long c = caseOfFile.get(m.file);
            casesOfThread.computeIfAbsent(m.thread, k -> new LinkedHashSet<>()).add(c);
            subjectsOfThreadsInCase.computeIfAbsent(c, k -> new TreeMap<>())
                    .computeIfAbsent(m.thread, k -> new HashSet<>()).add(Subjects.normalise(m.parsed.subject()));
        }
        assertEquals(score.threads, casesOfThread.size(), name + ": threads seen");
        casesOfThread.forEach((t, cs) -> {
            if (cs.size() > 1) {
                score.splits++;
                score.problems.add(t + " split over cases " + cs);
            }
        });
        subjectsOfThreadsInCase.forEach((c, byThread) -> {
            List<String> ts = new ArrayList<>(byThread.keySet());
            for (int i = 0; i < ts.size(); i++) {
                for (int j = i + 1; j < ts.size(); j++) {
                    Set<String> a = byThread.get(ts.get(i));
                    Set<String> b = byThread.get(ts.get(j));
                    if (a.size() == 1 && a.equals(b)) {
                        score.subjectMerges++;
                    } else {
                        score.wrongMerges++;
                        score.problems.add("case " + c + " joins " + ts.get(i) + " " + a + " and " + ts.get(j) + " " + b);
                    }
                }
            }
        });
        System.out.printf("threading notmuch %s: %d threads, %d split, %d wrongly merged, %d joined by same subject;"
                + " %d mails in %d cases (%d duplicate file%s); rules %s%n", name, score.threads, score.splits,
                score.wrongMerges, score.subjectMerges, score.mails, score.cases, score.duplicates,
                score.duplicates == 1 ? "" : "s", score.rules);
        if (!dropReplyHeaders) {
            score.problems.forEach(p -> System.out.println("  " + p));
        }
        return score;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject json(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonReader r = Json.createReader(in)) {
            return r.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
