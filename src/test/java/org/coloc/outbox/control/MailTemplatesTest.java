package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every outgoing mail exists in French and English, renders completely, and the two differ. */
class MailTemplatesTest {

    private static final Map<String, String> VALUES = Map.of("number", "42", "subject", "[coloc #42] Re: VM",
            "count", "2", "days", "21", "list", "- #42 VM");

    static Stream<String> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("mail-templates"))) {
            Set<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.indexOf('.'))).collect(Collectors.toSet());
            return names.stream().sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void existsInFrenchAndEnglishAndRendersWithoutHoles(String name) {
        assertTrue(Files.exists(Path.of("mail-templates", name + ".fr.txt")), name + " in French");
        assertTrue(Files.exists(Path.of("mail-templates", name + ".en.txt")), name + " in English");
        Template.Rendered fr = Template.load(name, "fr").render(VALUES);
        Template.Rendered en = Template.load(name, "en").render(VALUES);
        for (Template.Rendered r : new Template.Rendered[] {fr, en}) {
            assertFalse(r.subject().isBlank());
            assertFalse(r.text().contains("{{"), r.text());
            assertTrue(r.text().contains("\n-- \n"), "signed with a standard signature delimiter: " + name);
        }
        assertNotEquals(fr.text(), en.text());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void caseMailsCarryTheCaseTagInTheirSubject(String name) {
        if (name.startsWith("case-") && !name.equals("case-reminder")) {
            assertEquals("[coloc #42] Re: VM", Template.load(name, "fr").render(VALUES).subject());
        }
    }
}
