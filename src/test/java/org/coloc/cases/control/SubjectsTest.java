package org.coloc.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coloc.outbox.control.SubjectTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Re: Backup failed", "RE: Backup failed", "re:Backup failed", "RE : Backup failed", "Re[2]: Backup failed",
        "Re(3): Backup failed", "Re^2: Backup failed", "Fwd: Backup failed", "FW: Backup failed", "Fw: Backup failed",
        "TR: Backup failed", "Réf : Backup failed", "RÉF: Backup failed", "REF: Backup failed", "AW: Backup failed",
        "WG: Backup failed", "SV: Backup failed", "Antw: Backup failed", "R: Backup failed", "RIF: Backup failed",
        "Re: Re: RE: Fwd: Backup failed", "Re: TR: AW: Backup   failed", "  Re:   BACKUP FAILED  ",
        "[coloc #42] Re: Backup failed", "Re: [coloc #42] Backup failed", "Backup failed [coloc #42]",
        "Re: [Coloc #42] Re: Backup failed", "[notmuch] Backup failed", "Re: [notmuch] Backup failed",
        "[notmuch] Re: Backup failed", "Backup\tfailed", "Backup\r\n failed", "Re：Backup failed",
        "[Fwd: Backup failed]", "Re: [support.example.org #33575] Backup failed"})
    void prefixesTagsAndBlanksGoAway(String subject) {
        assertEquals("backup failed", Subjects.normalise(subject));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Reboot: host 3 down|reboot: host 3 down",
        "Refund: invoice 12|refund: invoice 12",
        "Réfrigérateur : panne|réfrigérateur : panne",
        "Tracking: parcel|tracking: parcel",
        "Awesome: it works|awesome: it works",
        "Rifle: no|rifle: no",
        "Reinstall vm7|reinstall vm7",
        "Svn: repo|svn: repo",
        "Why Re: in the middle|why re: in the middle",
        "[PATCH 1/2] Close file|[patch 1/2] close file",
        "Essai accentué|essai accentué"})
    void realWordsStay(String subject, String expected) {
        assertEquals(expected, Subjects.normalise(subject));
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertEquals("", Subjects.normalise(null));
        assertEquals("", Subjects.normalise("   "));
        assertEquals("", Subjects.normalise("Re: "));
        assertEquals("", Subjects.normalise("[coloc #7]"));
    }

    @Test
    void lowerCaseIsLocaleIndependent() {
        assertEquals("title", Subjects.normalise("TITLE"));
        assertEquals("é", Subjects.normalise("E\u0301"), "decomposed accents are composed");
    }

    @Test
    void replyPrefixesAreReplies_forwardsAndPlainSubjectsAreNot() {
        assertTrue(Subjects.looksLikeReply("Re: x"));
        assertTrue(Subjects.looksLikeReply("[notmuch] AW: x"));
        assertTrue(Subjects.looksLikeReply("[coloc #4] SV: x"));
        assertTrue(Subjects.looksLikeReply("Fwd: Re: x"));
        assertFalse(Subjects.looksLikeReply("Fwd: x"));
        assertFalse(Subjects.looksLikeReply("TR: x"));
        assertFalse(Subjects.looksLikeReply("Reboot: x"));
        assertFalse(Subjects.looksLikeReply(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[coloc #42] Backup|42", "Re: [Coloc #42] Backup|42", "[coloc#42]|42", "[ coloc  #  42 ] x|42",
        "Backup [COLOC #42]|42", "[coloc #9223372036854775807]|9223372036854775807",
        "[coloc #abc] then [coloc #5]|5"})
    void caseTagIsFoundLeniently(String subject, long expected) {
        assertEquals(expected, Subjects.caseTag(subject));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Backup failed", "[coloc #] x", "[coloc #0] x", "[coloc #-4] x", "[coloc #4x] x",
        "[coloc #9223372036854775808] x", "[coloc #99999999999999999999999] x", "[coloc 42] x", "[other #42] x",
        "coloc #42", "[coloc #4 2] x"})
    void garbageIsNoCaseTag(String subject) {
        assertNull(Subjects.caseTag(subject));
    }

    @Test
    void taggedPutsOurTagInFrontOnce() {
        assertEquals("[coloc #42] Backup failed", SubjectTag.tagged(42, "Backup failed"));
        assertEquals("[coloc #42] Re: Backup failed", SubjectTag.tagged(42, "Re: [coloc #42] Backup failed"));
        assertEquals("[coloc #42] Backup failed", SubjectTag.tagged(42, "[Coloc#42] Backup failed"));
        assertEquals("[coloc #42] Backup failed", SubjectTag.tagged(42, "[coloc #42] [coloc #42] Backup failed"));
        assertEquals("[coloc #42]", SubjectTag.tagged(42, null));
        assertEquals("[coloc #42]", SubjectTag.tagged(42, "  "));
    }

    @Test
    void taggedReplacesAnotherCasesTag() {
        assertEquals("[coloc #42] Re: Backup failed", SubjectTag.tagged(42, "Re: [coloc #7] Backup failed"));
        assertEquals(42L, Subjects.caseTag(SubjectTag.tagged(42, "[coloc #7] x")));
    }

    @Test
    void taggedRoundTripsThroughNormalise() {
        assertEquals("backup failed", Subjects.normalise(SubjectTag.tagged(42, "Re: Backup failed")));
        assertThrows(IllegalArgumentException.class, () -> SubjectTag.tagged(0, "x"));
    }
}
