package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;

/**
 * One score of a corpus test: counts the checks and the exact matches, prints each miss with
 * {@code -Dcoloc.verbose=true}, and prints the score; the floor is what the code reached when the test was written.
 */
final class CorpusScore {

    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    private final String label;
    private int ok;
    private int total;

    CorpusScore(String label) {
        this.label = label;
    }

    /** Counts one check; true when {@code actual} is {@code expected}. */
    boolean check(String item, Object expected, Object actual) {
        total++;
        if (Objects.equals(expected, actual)) {
            ok++;
            return true;
        }
        if (VERBOSE) {
            System.out.println("  MISMATCH " + label + " " + item + "\n    expected: " + abbreviate(expected)
                    + "\n    actual:   " + abbreviate(actual));
        }
        return false;
    }

    /** Counts one check that is right or not; {@code detail} says what was wrong. */
    void count(String item, boolean good, String detail) {
        check(item, "ok", good ? "ok" : detail);
    }

    int ok() {
        return ok;
    }

    int total() {
        return total;
    }

    /** Prints the score and holds it to its floor, except when another parser's scores are being compared. */
    void report(int floor) {
        System.out.printf("%s: %d/%d exact%n", label, ok, total);
        if (Corpora.comparing()) {
            return; // another parser's scores are compared, not held to our floors (Mime4jComparisonTest)
        }
        assertTrue(ok >= floor, label + " regressed: " + ok + "/" + total + " < floor " + floor);
    }

    private static String abbreviate(Object o) {
        String s = o == null ? null : o.toString();
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
