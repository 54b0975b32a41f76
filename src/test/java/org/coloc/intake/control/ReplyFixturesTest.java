package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplyText#newText} against the reply fixtures in src/test/resources: {@code replies/<class>/<n>.txt},
 * written for this project (one folder per failure class), and {@code replies-public/<source>/}, taken from public
 * reply parsers (see the README there). Prints the score per set and asserts floors equal to the reached numbers
 * (raise them, never lower them).
 *
 * <p>File format: the mail body, then a line {@code === expected ===}, then the expected new text (empty when
 * nothing of the mail is the writer's own). Compared after normalising line ends to \n, dropping trailing blanks
 * of every line and stripping both sides.
 */
class ReplyFixturesTest {

    static final String SEPARATOR = "=== expected ===";
    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    /**
     * Floors of the public sets: the numbers reached; raise them, never lower them. Every own fixture must pass
     * (a set without a floor here must pass whole): each one pins down how a class of mail is read.
     */
    private static final Map<String, Integer> FLOORS = Map.of("replies-public/planer", 27);

    record Fixture(String set, String name, String body, String expected) {
    }

    @Test
    void ownFixturesPerClass() {
        List<String> sets = sets("replies");
        assertTrue(sets.size() >= 7, "fixture classes: " + sets);
        int fixtures = score(sets);
        assertTrue(fixtures >= 40, "at least 40 own fixtures: " + fixtures);
    }

    @Test
    void publicFixtures() {
        score(sets("replies-public"));
    }

    private static int score(List<String> sets) {
        int pass = 0;
        int total = 0;
        List<String> below = new ArrayList<>();
        for (String set : sets) {
            List<Fixture> fixtures = fixtures(set);
            int setPass = 0;
            for (Fixture f : fixtures) {
                String out = ReplyText.newText(f.body());
                if (ReplyTextCorpusTest.norm(out).equals(ReplyTextCorpusTest.norm(f.expected()))) {
                    setPass++;
                } else {
                    System.out.println("  " + set + " MISS " + f.name()
                            + (VERBOSE ? ":\n" + ReplyTextCorpusTest.indent(out) + "\n    expected:\n" + ReplyTextCorpusTest.indent(f.expected()) : ""));
                }
            }
            System.out.println(set + ": " + setPass + "/" + fixtures.size() + " exact");
            pass += setPass;
            total += fixtures.size();
            if (setPass < FLOORS.getOrDefault(set, fixtures.size())) {
                below.add(set + " " + setPass + " < " + FLOORS.getOrDefault(set, fixtures.size()));
            }
        }
        System.out.println(sets.isEmpty() ? "no sets" : sets.get(0).substring(0, sets.get(0).indexOf('/')) + " all: "
                + pass + "/" + total + " exact");
        assertTrue(below.isEmpty(), "below the floor: " + below);
        return total;
    }

    /** "replies/gmail-attribution", … : the sub-folders of a resource folder, sorted. */
    static List<String> sets(String folder) {
        Path root = resource(folder);
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> folder + "/" + d.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Fixture> fixtures(String set) {
        try (Stream<Path> files = Files.list(resource(set))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted((a, b) -> numbered(a).compareTo(numbered(b)))
                    .map(f -> parse(set, f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All fixtures of both folders. */
    static List<Fixture> allFixtures() {
        List<Fixture> all = new ArrayList<>();
        for (String folder : List.of("replies", "replies-public")) {
            for (String set : sets(folder)) {
                all.addAll(fixtures(set));
            }
        }
        return all;
    }

    /** "2.txt" before "10.txt". */
    private static String numbered(Path file) {
        String name = file.getFileName().toString();
        return "0".repeat(Math.max(0, 12 - name.length())) + name;
    }

    private static Fixture parse(String set, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf("\n" + SEPARATOR + "\n");
        if (at < 0) {
            throw new IllegalStateException(file + ": no line " + SEPARATOR);
        }
        return new Fixture(set, file.getFileName().toString(), text.substring(0, at + 1),
                text.substring(at + SEPARATOR.length() + 2));
    }

    private static Path resource(String folder) {
        URL url = ReplyFixturesTest.class.getResource("/" + folder);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
