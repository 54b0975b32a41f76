package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Map<String, Object> VALUES = Map.of("count", 2, "days", 21, "certificates", List.of(
            Map.of("domain", "example.org", "vm", "web1", "expires", "2026-04-01", "expired", true, "daysLeft", -3),
            Map.of("domain", "www.example.org", "vm", "web1", "expires", "2026-04-02", "expired", false,
                    "daysLeft", 12)));

    @Test
    void frenchCertificatesTemplateIsLoadedFromTheClasspathAndFilled() {
        Template.Rendered r = assertCertificatesMail("fr", "[coloc] 2 certificat(s) expirent dans les 21 jours",
                "Bonjour,\n\n", ":\n\n- example.org (VM web1) : 2026-04-01 — EXPIRÉ\n"
                        + "- www.example.org (VM web1) : 2026-04-02 — J-12\n\n");
        assertTrue(r.text().contains("Pensez à vérifier le renouvellement"), "read as UTF-8: " + r.text());
        assertFalse(r.text().contains("{{"), r.text());
        assertFalse(r.text().contains("Subject:"), r.text());
    }

    @Test
    void englishCertificatesTemplateIsLoaded() {
        assertCertificatesMail("en", "[coloc] 2 certificate(s) expire within 21 days", "Hello,\n\n",
                "- example.org (VM web1): 2026-04-01 — EXPIRED\n"
                        + "- www.example.org (VM web1): 2026-04-02 — 12 day(s) left\n");
    }

    @Test
    void unknownOrMissingLanguageFallsBackToFrench() {
        String fr = certificatesMail("fr").subject();
        assertEquals(fr, certificatesMail("de").subject());
        assertEquals(fr, certificatesMail(null).subject());
        assertEquals(fr, certificatesMail("../en").subject());
    }

    /** The certificates mail for {@link #VALUES}, in this language. */
    private static Template.Rendered certificatesMail(String language) {
        return Template.load("certificates-expiring", language).render(VALUES);
    }

    /** Checks the certificates mail's subject, its greeting, and its lines, one per certificate. */
    private static Template.Rendered assertCertificatesMail(String language, String subject, String greeting,
            String certificateLines) {
        Template.Rendered r = certificatesMail(language);
        assertEquals(subject, r.subject());
        assertTrue(r.text().startsWith(greeting), r.text());
        assertTrue(r.text().contains(certificateLines), "one line per certificate: " + r.text());
        return r;
    }

    @Test
    void unknownTemplateIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Template.load("no-such-mail", "en"));
        assertEquals("No mail template no-such-mail", e.getMessage());
    }

    @Test
    void aPlaceholderWithoutValueIsAnErrorNamingIt() {
        Template t = Template.load("certificates-expiring", "fr");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.render(Map.of("count", "2", "days", "21")));
        assertEquals("No value for {{certificates}}", e.getMessage());
        IllegalArgumentException inList = assertThrows(IllegalArgumentException.class, () -> t.render(Map.of(
                "count", 1, "days", 21, "certificates", List.of(Map.of("domain", "a.org", "vm", "v")))));
        assertEquals("No value for {{expires}}", inList.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Template.parse("Subject: Hi {{name}}\n\nBody").render(Map.of()));
        assertEquals("No value for {{name}}", s.getMessage());
    }

    @Test
    void placeholdersMayBeSpacedAndRepeatedAndExtraValuesAreIgnored() {
        Template.Rendered r = Template.parse("Subject: {{ who }} and {{who}}\n\n{{who}}: {{  n }}\n")
                .render(Map.of("who", "Ana", "n", "1", "unused", "x"));
        assertEquals("Ana and Ana", r.subject());
        assertEquals("Ana: 1\n", r.text());
    }

    @Test
    void valuesAreInsertedLiterallyNeverReinterpreted() {
        Template.Rendered r = Template.parse("Subject: s\n\nA {{a}} B {{b}}").render(Map.of("a", "$1 \\ {{b}}", "b", "x"));
        assertEquals("A $1 \\ {{b}} B x", r.text());
    }

    @Test
    void theRenderedSubjectIsOneLineEvenWhenAValueHasLineBreaks() {
        Template.Rendered r = Template.parse("Subject: Re: {{title}}\n\nbody")
                .render(Map.of("title", "x\r\nBcc: victim@example.org\n\tmore"));
        assertEquals("Re: x Bcc: victim@example.org more", r.subject());
        assertFalse(r.subject().contains("\n") || r.subject().contains("\r"));
    }

    @Test
    void windowsLineEndsAreAccepted() {
        Template.Rendered r = Template.parse("Subject: Hi\r\n\r\nLine 1\r\nLine 2").render(Map.of());
        assertEquals("Hi", r.subject());
        assertEquals("Line 1\nLine 2", r.text());
    }

    @Test
    void aTemplateWithOnlyASubjectHasAnEmptyBody() {
        Template.Rendered r = Template.parse("Subject: Just this").render(Map.of());
        assertEquals("Just this", r.subject());
        assertEquals("", r.text());
    }

    @Test
    void aTemplateWithoutSubjectIsAnError() {
        assertThrows(IllegalStateException.class, () -> Template.parse("Hello,\n\nbody"));
        assertThrows(IllegalStateException.class, () -> Template.parse("\nSubject: late\n\nbody"));
        assertThrows(IllegalStateException.class, () -> Template.parse(""));
    }

    @Test
    void aSubjectRunningOverSeveralLinesIsAnError() {
        // a forgotten blank line must not silently turn the first paragraph into the subject
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Template.parse("Subject: Hello\nBonjour,\nthe body\n\nmore"));
        assertTrue(e.getMessage().contains("blank line"), e.getMessage());
    }

    @Test
    void htmlSignificantCharactersAreNotEscapedInPlainTextMails() {
        Template.Rendered r = Template.parse("Subject: {{s}}\n\n{{b}}").render(Map.of("s", "R&D <x>", "b", "a < b & \"c\""));
        assertEquals("R&D <x>", r.subject());
        assertEquals("a < b & \"c\"", r.text());
    }

    @Test
    void anEmptyListRendersNoLineAndAnInvertedSectionCanSaySo() {
        Template t = Template.parse("Subject: s\n\nCases:\n{{#cases}}\n- {{n}}\n{{/cases}}\n{{^cases}}\nnone\n{{/cases}}\nend\n");
        assertEquals("Cases:\nnone\nend\n", t.render(Map.of("cases", List.of())).text());
        assertEquals("Cases:\n- 1\n- 2\nend\n",
                t.render(Map.of("cases", List.of(Map.of("n", 1), Map.of("n", 2)))).text());
    }

    @Test
    void aBrokenTemplateIsReportedWhenLoadedNotWhenAMailIsDue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Template.parse("Subject: s\n\n{{#cases}}never closed"));
        assertTrue(e.getMessage().startsWith("Broken mail template"), e.getMessage());
    }
}
