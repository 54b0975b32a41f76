package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyTextTest {

    /** What each kind of quote header, signature or trailer leaves of a mail: (case, body, new text). */
    static Stream<Arguments> cut() {
        return Stream.of(
                arguments("null gives empty text", null, ""),
                arguments("blank gives empty text", " \r\n\n ", ""),
                arguments("plain text is kept trimmed", "\n Bonjour,\r\n\r\nle serveur ne répond plus.  \r\n",
                        "Bonjour,\n\nle serveur ne répond plus."),
                arguments("French quote header wrapped over two lines",
                        "Merci, c'est réparé.\n\nLe lun. 15 nov. 2021 à 19:42, Jean <j@x.fr> a\na écrit :\n\nLe serveur est en panne.\n",
                        "Merci, c'est réparé."),
                arguments("French quote header with quoted lines",
                        "D'accord.\r\n\r\nLe 29 avr. 2025 à 11:11, Chris <chris@example.com> a écrit :\r\n> Pouvez-vous redémarrer ?\r\n",
                        "D'accord."),
                arguments("English quote header",
                        "Works now, thanks!\n\nOn Mon, Nov 15, 2021 at 7:42 PM Support <support@example.com> wrote:\n> Please try again.\n",
                        "Works now, thanks!"),
                arguments("German quote header",
                        "Danke!\n\nAm 13.12.2017 21:11 schrieb \"Max Muster\" <max@example.de>:\n\nHallo\n", "Danke!"),
                arguments("Outlook French block", "Voici le fichier.\n\n-------- Message d'origine --------\n"
                        + "De : Support <s@example.com>\nDate : 23/06/24 10:46\nÀ : moi@example.com\nObjet : Votre demande\n\n"
                        + "Bonjour\n", "Voici le fichier."),
                arguments("Outlook underscore From/Sent block", "See below.\n________________________________\n"
                        + "From: Support <s@example.com>\nSent: Thursday, September 26, 2019 11:35:12 AM\nTo: me@example.com\n"
                        + "Subject: Ticket\n\nHello\n", "See below."),
                arguments("regards sign-off", "Can you help?\n\nBest regards,\n\nJohn Doe\nCEO @ Acme", "Can you help?"),
                arguments("Cordialement sign-off", "Le disque est plein.\n\nCordialement,\nJean Dupont\n06 12 34 56 78",
                        "Le disque est plein."),
                arguments("dash-dash-space signature", "See you.\n\n-- \nRick\nhttps://rick.example.com", "See you."),
                arguments("Sent from my iPhone", "Ok\n\nSent from my iPhone", "Ok"),
                arguments("Envoyé de mon iPhone", "D'accord\n\nEnvoyé de mon iPhone\n", "D'accord"),
                arguments("Outlook for iOS, French", "Oui\n\nEnvoyé à partir de Outlook pour iOS<https://aka.ms/o0ukef>\n",
                        "Oui"),
                arguments("Outlook for iOS, English", "Yes\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n", "Yes"),
                arguments("trailing quoted block without header", "Fixed.\n\n> is it broken?\n> really?\n", "Fixed."),
                arguments("interleaved reply keeps the answers",
                        "On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes, A.\n\n> Option B?\n\n"
                                + "No, B is too slow.\n\n> Thanks\n> Jane\n",
                        "On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes, A.\n\n> Option B?\n\n"
                                + "No, B is too slow."),
                arguments("bottom-posted reply keeps only the answer",
                        "On 04/02/2012 06:26 PM, Megan <m@example.com> wrote:\n> Hi\n\nHello\n", "Hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void cut(String name, String body, String newText) {
        assertEquals(newText, ReplyText.newText(body));
    }

    /** Text that only looks like a quote header, signature or trailer, and stays whole. */
    static Stream<Arguments> kept() {
        return Stream.of(
                arguments("From: inside a sentence",
                        "The data comes From: our database, not from: external sources.\nSent: nothing else."),
                arguments("sentences starting with On",
                        "On the other hand, the disk is full.\nOn average it fills in 3 days.\n\nOn a separate note: thanks."),
                arguments("wrote inside a URL",
                        "Look at https://example.com/on-2024-someone-wrote-about\nand tell me what he wrote: it matters."),
                arguments("regards inside a sentence", "With regards to the invoice, it is paid.\n\nThis is the question."),
                arguments("dashes inside a line", "I'm writing because of:\n-- first point\n-- second point\n\nThanks!"),
                arguments("Sent from in a sentence",
                        "Here is another email\n\nSent from my desk, is much easier then my mobile phone."),
                arguments("a mail that is only a forward", "-----Original Message-----\nFrom: a@example.com\nSent: Monday\n"
                        + "To: b@example.com\n\nThe disk is full."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void kept(String name, String body) {
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void pathologicalInputFinishesFast() {
        StringBuilder sb = new StringBuilder("Hi\n\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("On 1 2 3 wrote wrote wrote <a@b> <a@b> ".repeat(8)).append(i % 3 == 0 ? "\n" : " ");
            sb.append("> ").append("-".repeat(200)).append('\n');
            sb.append("From: ").append("x ".repeat(150)).append("\nTo: y\n");
        }
        sb.append("a".repeat(100_000)).append("\n").append(" \t".repeat(50_000));
        String body = sb.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ReplyText.newText(body));
    }

    /** A hang guard for the wrapped-attribution joins and the quote marks, not a timing: 10 s is generous. */
    @Test
    void megabyteOfAttributionPiecesFinishes() {
        StringBuilder sb = new StringBuilder("Top, ik zet hem om 17:00 op.\n");
        while (sb.length() < 1_000_000) {
            sb.append("On Mon, 1 Jan 2024 at 10:00 Foo Bar <\nfoo@example.org>:\n")
                    .append("Am Fr., 28.\nApr. 2017 um 11:53 Uhr schrieb am 12:30:45:67 ").append("1:2".repeat(60))
                    .append(":\nJD> x\n| y\n-------- Original-Nachricht --------\n");
        }
        String body = sb.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ReplyText.newText(body));
    }
}
