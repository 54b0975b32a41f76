package org.coloc.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void nullAndBlankGiveEmptyText() {
        assertEquals("", ReplyText.newText(null));
        assertEquals("", ReplyText.newText(" \r\n\n "));
    }

    @Test
    void plainTextIsKeptTrimmed() {
        assertEquals("Bonjour,\n\nle serveur ne répond plus.", ReplyText.newText("\n Bonjour,\r\n\r\nle serveur ne répond plus.  \r\n"));
    }

    @Test
    void frenchQuoteHeaderWrappedOverTwoLinesIsCut() {
        String body = "Merci, c'est réparé.\n\nLe lun. 15 nov. 2021 à 19:42, Jean <j@x.fr> a\na écrit :\n\nLe serveur est en panne.\n";
        assertEquals("Merci, c'est réparé.", ReplyText.newText(body));
    }

    @Test
    void frenchQuoteHeaderWithQuotedLinesIsCut() {
        String body = "D'accord.\r\n\r\nLe 29 avr. 2025 à 11:11, Chris <chris@example.com> a écrit :\r\n> Pouvez-vous redémarrer ?\r\n";
        assertEquals("D'accord.", ReplyText.newText(body));
    }

    @Test
    void englishQuoteHeaderIsCut() {
        String body = "Works now, thanks!\n\nOn Mon, Nov 15, 2021 at 7:42 PM Support <support@example.com> wrote:\n> Please try again.\n";
        assertEquals("Works now, thanks!", ReplyText.newText(body));
    }

    @Test
    void germanQuoteHeaderIsCut() {
        String body = "Danke!\n\nAm 13.12.2017 21:11 schrieb \"Max Muster\" <max@example.de>:\n\nHallo\n";
        assertEquals("Danke!", ReplyText.newText(body));
    }

    @Test
    void outlookFrenchBlockIsCut() {
        String body = "Voici le fichier.\n\n-------- Message d'origine --------\nDe : Support <s@example.com>\n"
                + "Date : 23/06/24 10:46\nÀ : moi@example.com\nObjet : Votre demande\n\nBonjour\n";
        assertEquals("Voici le fichier.", ReplyText.newText(body));
    }

    @Test
    void outlookUnderscoreFromSentBlockIsCut() {
        String body = "See below.\n________________________________\nFrom: Support <s@example.com>\n"
                + "Sent: Thursday, September 26, 2019 11:35:12 AM\nTo: me@example.com\nSubject: Ticket\n\nHello\n";
        assertEquals("See below.", ReplyText.newText(body));
    }

    @Test
    void fromFieldInsideASentenceIsKept() {
        String body = "The data comes From: our database, not from: external sources.\nSent: nothing else.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void sentenceStartingWithOnIsKept() {
        String body = "On the other hand, the disk is full.\nOn average it fills in 3 days.\n\nOn a separate note: thanks.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void wroteInsideAUrlIsKept() {
        String body = "Look at https://example.com/on-2024-someone-wrote-about\nand tell me what he wrote: it matters.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void regardsInsideASentenceIsKept() {
        String body = "With regards to the invoice, it is paid.\n\nThis is the question.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void regardsSignOffIsDropped() {
        assertEquals("Can you help?", ReplyText.newText("Can you help?\n\nBest regards,\n\nJohn Doe\nCEO @ Acme"));
    }

    @Test
    void cordialementSignOffIsDropped() {
        assertEquals("Le disque est plein.", ReplyText.newText("Le disque est plein.\n\nCordialement,\nJean Dupont\n06 12 34 56 78"));
    }

    @Test
    void dashDashSpaceSignatureIsDropped() {
        assertEquals("See you.", ReplyText.newText("See you.\n\n-- \nRick\nhttps://rick.example.com"));
    }

    @Test
    void dashesInsideALineAreNotASignature() {
        String body = "I'm writing because of:\n-- first point\n-- second point\n\nThanks!";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void sentFromMyIphoneIsDropped() {
        assertEquals("Ok", ReplyText.newText("Ok\n\nSent from my iPhone"));
        assertEquals("D'accord", ReplyText.newText("D'accord\n\nEnvoyé de mon iPhone\n"));
        assertEquals("Oui", ReplyText.newText("Oui\n\nEnvoyé à partir de Outlook pour iOS<https://aka.ms/o0ukef>\n"));
        assertEquals("Yes", ReplyText.newText("Yes\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n"));
    }

    @Test
    void sentFromInASentenceIsKept() {
        String body = "Here is another email\n\nSent from my desk, is much easier then my mobile phone.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void trailingQuotedBlockWithoutHeaderIsDropped() {
        assertEquals("Fixed.", ReplyText.newText("Fixed.\n\n> is it broken?\n> really?\n"));
    }

    @Test
    void interleavedReplyKeepsTheAnswers() {
        String body = "On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes, A.\n\n> Option B?\n\n"
                + "No, B is too slow.\n\n> Thanks\n> Jane\n";
        assertEquals("On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes, A.\n\n> Option B?\n\n"
                + "No, B is too slow.", ReplyText.newText(body));
    }

    @Test
    void bottomPostedReplyKeepsOnlyTheAnswer() {
        String body = "On 04/02/2012 06:26 PM, Megan <m@example.com> wrote:\n> Hi\n\nHello\n";
        assertEquals("Hello", ReplyText.newText(body));
    }

    @Test
    void mailThatIsOnlyAForwardIsKept() {
        String body = "-----Original Message-----\nFrom: a@example.com\nSent: Monday\nTo: b@example.com\n\nThe disk is full.";
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
}
