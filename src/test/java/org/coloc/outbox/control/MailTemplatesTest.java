package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every outgoing mail exists in French and English, renders completely, and the two differ. */
class MailTemplatesTest {

    /** The union of what the code passes to the templates (see mail-templates/README.md). */
    private static final Map<String, Object> VALUES = Map.of("number", 42, "subject", "[coloc #42] Re: VM",
            "count", 1, "days", 21,
            "cases", List.of(Map.of("number", 42, "subject", "VM", "requester", "ana@example.org", "days", 4)),
            "certificates", List.of(Map.of("domain", "example.org", "vm", "web1", "expires", "2026-04-01",
                    "expired", false, "daysLeft", 12)));

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
