package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplyText#newText} against the reply-stripping corpora in ../shared/corpora (system property
 * coloc.shared.dir; skipped when absent). Prints the rate per set and asserts floors equal to the reached numbers
 * (raise them, never lower them).
 *
 * <p>Comparison: line ends normalised to \n and trailing blanks of every line ignored, both sides stripped.
 * A file "passes" when its exact expectation holds: {@code visible_text}, or fragment 0 when every other fragment is
 * hidden, or the whole body when upstream asserts a single fragment. Files whose upstream test only asserts
 * fragments (bottom-posted / interleaved replies) pass when every visible fragment assertion holds on the result
 * (text, regex or substring found) and no hidden fragment's text is left in it.
 */
class ReplyTextCorpusTest {

    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    // floors: the numbers reached; raise them, never lower them
    private static final int GITHUB_FLOOR = 22;
    private static final int CRISP_FLOOR = 72;
    private static final int TALON_FLOOR = 19;
    private static final int TALON_OTHER_FLOOR = 2;

    @Test
    void githubReplyParserSet() {
        Path dir = folder("github-email_reply_parser");
        JsonObject files = json(dir.resolve("expected.json")).getJsonObject("files");
        Score score = new Score("github");
        for (String name : files.keySet()) {
            String body = read(dir.resolve(name));
            String out = timed(name, body);
            score.add(name, evaluate(files.getJsonObject(name), body, out), out);
        }
        for (JsonValue v : json(dir.resolve("expected.json")).getJsonArray("extra_assertions_without_fixture_file")) {
            JsonObject o = v.asJsonObject();
            assertTrue(ReplyText.newText(o.getString("input")).equals(o.getString("visible_text")), o.toString());
        }
        score.print();
        score.assertFloor(GITHUB_FLOOR);
    }

    @Test
    void crispReplyParserSet() {
        Path dir = folder("crisp-email-reply-parser");
        JsonObject expected = json(dir.resolve("expected.json"));
        JsonObject files = expected.getJsonObject("files");
        String common = expected.getString("common_first_fragment");
        assertFalse(common.isBlank());
        Score score = new Score("crisp");
        for (String name : files.keySet()) {
            String body = read(dir.resolve("fixtures").resolve(name));
            String out = timed(name, body);
            score.add(name, evaluate(files.getJsonObject(name), body, out), out);
        }
        int smoke = 0;
        for (JsonValue v : expected.getJsonArray("unasserted_fixtures")) {
            String name = ((jakarta.json.JsonString) v).getString();
            String body = read(dir.resolve("fixtures").resolve(name));
            String out = timed(name, body);
            assertFalse(out.isBlank(), name + ": some new text is left");
            assertTrue(body.replace("\r\n", "\n").contains(out.lines().findFirst().orElse("")), name);
            smoke++;
            if (VERBOSE) {
                System.out.println("  smoke " + name + ":\n" + indent(out));
            }
        }
        score.print();
        System.out.println("reply text crisp: " + smoke + " unasserted fixtures smoke-tested (non-empty, own text)");
        score.assertFloor(CRISP_FLOOR);
    }

    @Test
    void talonSet() {
        Path dir = folder("talon");
        JsonObject files = json(dir.resolve("expected.json")).getJsonObject("files");
        Score score = new Score("talon");
        Score other = new Score("talon other");
        for (String name : files.keySet()) {
            JsonObject e = files.getJsonObject(name);
            Path file = dir.resolve(name);
            if (name.startsWith("standard_replies/")) {
                String body = parseMime(Corpora.bytes(file));
                String out = timed(name, body);
                score.add(name, new Verdict(norm(out).equals(norm(e.getString("visible_text_stripped"))), true), out);
            } else if (name.startsWith("html_replies/")) {
                String out = timed(name, htmlToText(Corpora.bytes(file)));
                boolean ok = noSpace(out).equals(noSpace(e.getString("visible_text_stripped")));
                score.add(name, new Verdict(ok, true), out);
            } else if (e.containsKey("expected_html_whitespace_removed")) {
                String out = timed(name, htmlToText(Corpora.bytes(file)));
                String want = Jsoup.parse(e.getString("expected_html_whitespace_removed")).text();
                other.add(name, new Verdict(noSpace(out).equals(noSpace(want)), true), out);
            } else {
                String out = timed(name, new String(Corpora.bytes(file), StandardCharsets.UTF_8));
                other.add(name, new Verdict(!out.isBlank() && !out.contains("From"), false), out);
            }
        }
        score.print();
        other.print();
        score.assertFloor(TALON_FLOOR);
        other.assertFloor(TALON_OTHER_FLOOR);
    }

    // --- evaluation of one upstream expectation -------------------------------------------------------------

    record Verdict(boolean pass, boolean exact) {
    }

    static Verdict evaluate(JsonObject spec, String body, String out) {
        String got = norm(out);
        for (String key : new String[] {"visible_text", "visible_text_trimmed"}) {
            if (spec.containsKey(key)) {
                return new Verdict(got.equals(norm(spec.getString(key))), true);
            }
        }
        JsonObject fragments = spec.containsKey("fragments") ? spec.getJsonObject("fragments") : null;
        JsonArray hidden = fragments != null && fragments.containsKey("hidden") ? fragments.getJsonArray("hidden") : null;
        JsonArray quoted = fragments != null && fragments.containsKey("quoted") ? fragments.getJsonArray("quoted") : null;
        JsonArray asserts = spec.containsKey("fragment_assertions") ? spec.getJsonArray("fragment_assertions") : null;
        Map<Integer, Boolean> hiddenFlags = new HashMap<>();
        if (asserts != null) {
            for (JsonValue v : asserts) {
                JsonObject a = v.asJsonObject();
                if (a.containsKey("hidden")) {
                    hiddenFlags.put(a.getInt("index"), a.getBoolean("hidden"));
                }
            }
        }
        int count = fragments != null && fragments.containsKey("count") ? fragments.getInt("count") : -1;
        // fragment 0 alone is the visible text?
        int maxAsserted = 0;
        if (asserts != null) {
            for (JsonValue v : asserts) {
                maxAsserted = Math.max(maxAsserted, v.asJsonObject().getInt("index"));
            }
        }
        boolean onlyFirstVisible = hidden != null || maxAsserted <= 1;
        if (hidden != null) {
            for (int i = 1; i < hidden.size(); i++) {
                onlyFirstVisible &= hidden.getBoolean(i);
            }
        }
        for (Map.Entry<Integer, Boolean> h : hiddenFlags.entrySet()) {
            if (h.getKey() > 0) {
                onlyFirstVisible &= h.getValue();
            }
        }
        if (asserts != null && onlyFirstVisible) {
            for (JsonValue v : asserts) {
                JsonObject a = v.asJsonObject();
                if (a.getInt("index") == 0 && (a.containsKey("equals") || a.containsKey("equals_after_trim"))) {
                    String want = a.containsKey("equals") ? a.getString("equals") : a.getString("equals_after_trim");
                    return new Verdict(got.equals(norm(want)), true);
                }
            }
        }
        if (count == 1) {
            return new Verdict(got.equals(norm(body)), true);
        }
        if (asserts == null) {
            return new Verdict(!got.isEmpty(), false);
        }
        boolean visibleQuoted = false;
        if (quoted != null) {
            for (int i = 0; i < quoted.size(); i++) {
                visibleQuoted |= quoted.getBoolean(i) && !isHidden(i, hidden, hiddenFlags);
            }
        }
        boolean ok = !got.isEmpty();
        for (JsonValue v : asserts) {
            JsonObject a = v.asJsonObject();
            int i = a.getInt("index");
            if (!isKnown(i, hidden, hiddenFlags, maxAsserted)) {
                continue;
            }
            boolean isHidden = isHidden(i, hidden, hiddenFlags);
            boolean multiline = a.getBoolean("multiline_flag", false);
            if (a.containsKey("equals") || a.containsKey("equals_after_trim")) {
                String want = norm(a.containsKey("equals") ? a.getString("equals") : a.getString("equals_after_trim"));
                if (!want.isEmpty()) {
                    ok &= isHidden ? !got.contains(want) : (i == 0 ? got.startsWith(want) : got.contains(want));
                }
            }
            if (a.containsKey("contains")) {
                ok &= got.contains(a.getString("contains")) != isHidden;
            }
            if (a.containsKey("matches")) {
                String re = a.getString("matches");
                if (isHidden) {
                    boolean quotedFragment = quoted != null && i < quoted.size() && quoted.getBoolean(i);
                    if (!(visibleQuoted && quotedFragment)) {
                        ok &= !Pattern.compile(re, Pattern.MULTILINE).matcher(got).find();
                    }
                } else if (i == 0 && !multiline) {
                    ok &= re.startsWith("^") ? Pattern.compile(re).matcher(got).lookingAt()
                            : Pattern.compile(re).matcher(got).find();
                } else {
                    ok &= Pattern.compile(re, Pattern.MULTILINE).matcher(got).find();
                }
            }
            if (a.containsKey("not_matches")) {
                ok &= isHidden || !Pattern.compile(a.getString("not_matches"), multiline ? Pattern.MULTILINE : 0)
                        .matcher(got).find();
            }
        }
        return new Verdict(ok, false);
    }

    private static boolean isHidden(int i, JsonArray hidden, Map<Integer, Boolean> flags) {
        if (flags.containsKey(i)) {
            return flags.get(i);
        }
        if (hidden != null && i < hidden.size()) {
            return hidden.getBoolean(i);
        }
        return i > 0; // upstream tests without flags: fragment 0 is the reply, fragment 1 its history
    }

    /** Without flags, visibility is only known for fragments 0 and 1 (and only when nothing later is asserted). */
    private static boolean isKnown(int i, JsonArray hidden, Map<Integer, Boolean> flags, int maxAsserted) {
        return flags.containsKey(i) || (hidden != null && i < hidden.size()) || i == 0 || maxAsserted <= 1;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static final class Score {
        final String set;
        int pass;
        int total;
        int exact;
        int exactPass;

        Score(String set) {
            this.set = set;
        }

        void add(String name, Verdict v, String out) {
            total++;
            if (v.exact()) {
                exact++;
            }
            if (v.pass()) {
                pass++;
                if (v.exact()) {
                    exactPass++;
                }
            } else {
                System.out.println("  reply text " + set + " MISS " + name + (VERBOSE ? ":\n" + indent(out) : ""));
            }
        }

        void print() {
            if (!set.endsWith("other")) {
                allPass += pass;
                allTotal += total;
            }
            System.out.println("reply text " + set + ": " + pass + "/" + total + " pass (" + exactPass + "/" + exact
                    + " exact comparisons, " + (pass - exactPass) + "/" + (total - exact) + " fragment-assertion checks)");
        }

        void assertFloor(int floor) {
            assertTrue(pass >= floor, "reply text " + set + ": " + pass + "/" + total + " below the floor " + floor);
        }
    }

    /** The new text; the slowest fixture is printed (speed is a bench matter, hangs are ReplyTextTest's). */
    private static String timed(String name, String body) {
        long t0 = System.nanoTime();
        String out = ReplyText.newText(body);
        long micros = (System.nanoTime() - t0) / 1_000;
        if (micros > slowestMicros) {
            slowestMicros = micros;
            slowest = name;
        }
        return out;
    }

    private static long slowestMicros;
    private static String slowest;
    private static int allPass;
    private static int allTotal;

    /**
     * The three sets together against the aim (95 %). talon's two "Sent from my …" fixtures count as
     * misses here: talon removes quotations only and keeps signatures, our new text drops them on purpose.
     */
    @AfterAll
    static void allSets() {
        if (allTotal == 0) {
            return;
        }
        System.out.printf("reply text all sets: %d/%d pass (%.1f %%, aim 95 %%); slowest fixture %s, %d µs%n",
                allPass, allTotal, 100.0 * allPass / allTotal, slowest, slowestMicros);
        assertTrue(allPass * 100 >= allTotal * 95, "below 95 % over all sets: " + allPass + "/" + allTotal);
    }

    /** \n line ends, no trailing blanks on lines, stripped. */
    static String norm(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }

    private static String noSpace(String s) {
        return s.replaceAll("\\s+", "").replace("\u00a0", "");
    }

    static String indent(String s) {
        return "    | " + s.replace("\n", "\n    | ");
    }

    private static String parseMime(byte[] raw) {
        try {
            return new MimeParser().parse(raw).text();
        } catch (UnparseableMailException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern META_CHARSET = Pattern.compile("charset=[\"']?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

    /** The intake's HTML-to-text conversion, through the public MIME parser (an HTML-only message). */
    static String htmlToText(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        String charset = "utf-8";
        if (m.find() && Charset.isSupported(m.group(1))) {
            charset = m.group(1);
        }
        String mime = "From: a@example.org\r\nTo: b@example.org\r\nSubject: html\r\nMessage-ID: <h@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=" + charset + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(html) + "\r\n";
        return parseMime(mime.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(Path file) {
        return new String(Corpora.bytes(file), StandardCharsets.UTF_8);
    }

    static Path folder(String name) {
        Path root = Paths.get(System.getProperty("coloc.shared.dir", "../shared"), "corpora");
        Path p = root.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(p), "corpus folder missing: " + p.toAbsolutePath());
        return p;
    }

    private static JsonObject json(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonReader r = Json.createReader(in)) {
            return r.readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File access (the intake's Corpora helper is package-private). */
    private static final class Corpora {
        static byte[] bytes(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
