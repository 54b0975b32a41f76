package org.coloc.intake.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared corpora (system property coloc.shared.dir); tests skip when they are absent. */
final class Corpora {

    private Corpora() {
    }

    static Path root() {
        String dir = System.getProperty("coloc.shared.dir", "../shared");
        Path p = Paths.get(dir, "corpora");
        Assumptions.assumeTrue(Files.isDirectory(p), "shared corpora not found at " + p.toAbsolutePath());
        return p;
    }

    static Path folder(String name) {
        Path p = root().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(p), "corpus folder missing: " + p);
        return p;
    }

    static JsonObject json(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonReader r = Json.createReader(in)) {
            return r.readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A corpus folder and what its expected.json says of each mail file in it. */
    record Expected(Path dir, JsonObject files) {

        /** The mail files the expectations are about. */
        Set<String> names() {
            return files.keySet();
        }

        JsonObject of(String name) {
            return files.getJsonObject(name);
        }

        ParsedMail mail(String name) {
            return parse(dir.resolve(name));
        }
    }

    /** The corpus in {@code name}, with the expectations its expected.json lists under {@code files}. */
    static Expected expected(String name) {
        Path dir = folder(name);
        return new Expected(dir, json(dir.resolve("expected.json")).getJsonObject("files"));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every mail file of every corpus: .eml/.msg files and notmuch's maildir files (not expectations). */
    static List<Path> allMails() {
        Path root = root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> isMail(root.relativize(p))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMail(Path rel) {
        String name = rel.getFileName().toString();
        if (name.endsWith(".eml") || name.endsWith(".msg")) {
            return true;
        }
        String r = rel.toString().replace('\\', '/');
        return r.startsWith("notmuch/") && !r.startsWith("notmuch/expected/") && !name.equals("README.md");
    }

    /** The parser the corpus tests use; {@link Mime4jComparisonTest} swaps in mime4j's splitter for a run. */
    static java.util.function.Supplier<MimeParser> parsers = MimeParser::new;

    /** True while another parser than ours runs the corpus tests: scores are printed, floors not asserted. */
    static boolean comparingAnotherParser;

    static boolean comparing() {
        return comparingAnotherParser;
    }

    static ParsedMail parse(Path file) {
        try {
            return parsers.get().parse(bytes(file));
        } catch (UnparseableMailException e) {
            return null;
        }
    }

    static String ws(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
