package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicTextTest {

    static Stream<Arguments> published() {
        return Stream.of(
                arguments("plain text stays", "Great post, thanks!\n\nOne question: why ZFS?",
                        "Great post, thanks!\n\nOne question: why ZFS?"),
                arguments("an address is masked", "Write to me at anna.kowalska@example.pl.",
                        "Write to me at [address hidden]."),
                arguments("a mailto link is masked whole", "See <mailto:jb.lefevre@laposte.net> or me",
                        "See <[address hidden]> or me"),
                arguments("an interleaved attribution goes, the quote and the answers stay",
                        "On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes, A.\n",
                        "> Option A?\n\nYes, A."),
                arguments("a wrapped French attribution inside a quote goes",
                        "> Le lun. 15 mai 2023 à 14:07, Coloc <support@coloc.example.net> a\n> écrit :\n> Bonjour\n\nMerci",
                        "> Bonjour\n\nMerci"),
                arguments("Dutch and Spanish attributions go",
                        "Ja.\n\nOp 28 apr. 2017, om 11:53 heeft Pieter <p@xs4all.nl> het volgende geschreven:\n> Hoi\n\n"
                                + "El vie, 28 abr 2017 a las 11:53, Javier (<j@gmail.com>) escribió:\n> Hola\n\nSí.",
                        "Ja.\n\n> Hoi\n\n> Hola\n\nSí."),
                arguments("a From/Sent block goes with its fields",
                        "Forwarded to you:\n\nFrom: Dan <dan@example.ie>\nSent: Tuesday, July 11, 2023 9:17 AM\n"
                                + "To: Rachel <r@example.com>\nSubject: Extra rack space\n\nWe need 4 more units.",
                        "Forwarded to you:\n\nWe need 4 more units."),
                arguments("a sentence that ends with 'wrote:' stays", "Here is what I wrote:\n\nuse ZFS",
                        "Here is what I wrote:\n\nuse ZFS"),
                arguments("a French sentence starting with Le and naming an address stays, masked",
                        "Le serveur de jean@example.fr est en panne.", "Le serveur de [address hidden] est en panne."),
                arguments("null is empty", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void published(String name, String newText, String expected) {
        assertEquals(expected, PublicText.of(newText));
    }

    @Test
    void theMarkCanBeLocalised() {
        assertEquals("Écrivez à [adresse masquée].", PublicText.of("Écrivez à a@b.fr.", "[adresse masquée]"));
    }

    @Test
    void hostileInputsFinishAndLeakNothing() {
        String longLine = "x".repeat(2_000_000) + "@example.org wrote:";
        String ats = "@".repeat(100_000);
        String quotes = ">".repeat(100_000) + " On 1 Jan 2020, a@b wrote:";
        StringBuilder onLines = new StringBuilder();
        while (onLines.length() < 1_000_000) {
            onLines.append("On Mon, 1 Jan 2024 at 10:00, Someone <\nsomeone@example.org> wrote:\n");
        }
        StringBuilder bars = new StringBuilder();
        while (bars.length() < 1_000_000) {
            bars.append("| On 2 Feb 2021 14:00 X <x@y> a\n| écrit :\nFrom: a\nSent: b\nTo: c\n");
        }
        for (String hostile : List.of(longLine, ats, quotes, onLines.toString(), bars.toString())) {
            String out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PublicText.of(hostile));
            assertFalse(out.contains("@"), "no @ survives");
            assertTrue(out.length() <= PublicText.MAX_CHARS + 10, "bounded: " + out.length());
            String reply = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> PublicText.of(ReplyText.newText(hostile)));
            assertFalse(reply.contains("@"), "no @ survives the whole path");
        }
    }

    /** Test-side, independent of the code under test: how an attribution line ends or a header block opens. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?iu)(wrote|writes|a\\s+écrit|schrieb|geschrieben|schreef|geschreven|escribió|ha\\s+scritto|escreveu"
                    + "|napisał|skrev|kirjoitti)\\s*:\\s*$|<[^>\\s]*@[^>\\s]*>\\s*:\\s*$");
    private static final Pattern HEADER_FIELD = Pattern.compile(
            "(?iu)^\\s*\\*?(from|de|von|van|da|fra|från)\\s?:\\*?\\s.*\\S.*\\n\\s*\\*?(sent|date|envoyé|gesendet|datum"
                    + "|verzonden|inviato|enviado|sendt|skickat|to|à|an|aan|para|a|subject|objet|betreff)\\s?:",
            Pattern.MULTILINE);

    @Test
    void noPublishedTextHoldsAnAddressOrAnAttribution() {
        List<String> bodies = new ArrayList<>();
        for (ReplyFixturesTest.Fixture f : ReplyFixturesTest.allFixtures()) {
            bodies.add(f.body());
        }
        Path corpora = Paths.get(System.getProperty("coloc.shared.dir", "../shared"), "corpora");
        bodies.addAll(texts(corpora.resolve("github-email_reply_parser"), ".txt"));
        bodies.addAll(texts(corpora.resolve("crisp-email-reply-parser").resolve("fixtures"), ".txt"));
        for (Path eml : files(corpora.resolve("talon").resolve("standard_replies"), ".eml")) {
            try {
                bodies.add(new MimeParser().parse(Files.readAllBytes(eml)).text());
            } catch (IOException | UnparseableMailException e) {
                throw new IllegalStateException(eml.toString(), e);
            }
        }
        int checked = 0;
        List<String> leaks = new ArrayList<>();
        for (String body : bodies) {
            String out = PublicText.of(ReplyText.newText(body));
            checked++;
            if (out.contains("@")) {
                leaks.add("@ in: " + out);
            }
            for (String line : out.split("\n")) {
                if (ATTRIBUTION.matcher(line).find()) {
                    leaks.add("attribution: " + line);
                }
            }
            if (HEADER_FIELD.matcher(out).find()) {
                leaks.add("header block in: " + out);
            }
        }
        System.out.println("public text: " + checked + " bodies checked, " + leaks.size() + " leaks");
        assertTrue(checked >= 90, "bodies: " + checked);
        assertTrue(leaks.isEmpty(), String.join("\n---\n", leaks));
    }

    private static List<String> texts(Path dir, String ending) {
        List<String> out = new ArrayList<>();
        for (Path f : files(dir, ending)) {
            try {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, String ending) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
