package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coloc.maintenance.control.AffectedVm;
import org.coloc.maintenance.control.MaintenanceNotices;
import org.coloc.maintenance.control.NoticeFacts;
import org.coloc.maintenance.control.NoticeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every outgoing mail exists in French and English, renders completely, and the two differ. */
class MailTemplatesTest {

    /** The union of what the code passes to the templates (see mail-templates/README.md). */
    private static final Map<String, Object> VALUES = withNoticeValues(Map.of("number", 42, "subject", "[coloc #42] Re: VM",
            "count", 1, "days", 21, "length", 25000, "max", 20000,
            "cases", List.of(Map.of("number", 42, "subject", "VM", "requester", "ana@example.org", "days", 4)),
            "certificates", List.of(Map.of("domain", "example.org", "vm", "web1", "expires", "2026-04-01",
                    "expired", false, "daysLeft", 12))));

    /** Plus what every maintenance notice is given (the same keys for every kind, see MaintenanceNotices). */
    private static Map<String, Object> withNoticeValues(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putAll(MaintenanceNotices.values(NoticeKind.ANNOUNCEMENT, new NoticeFacts(42, 0, "Disques", null,
                "Le serveur s1 sera éteint.", null, Instant.parse("2026-10-24T23:30:00Z"),
                Instant.parse("2026-10-25T02:30:00Z"), ZoneId.of("Europe/Paris"), "fr", "Ana", "ana@example.org",
                List.of(new AffectedVm(7, "velo", "velo.vm.example", List.of("velo.example"))), "coloc@example.org",
                "example.org", null, null, null, Instant.parse("2026-10-01T08:00:00Z"))));
        all.putAll(CommentMailValues.values());
        return all;
    }

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
