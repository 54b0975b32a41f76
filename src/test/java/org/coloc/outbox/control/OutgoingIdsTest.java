package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingIdsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final OutgoingIds ids = new OutgoingIds(KEY, "coloc.example.org");

    @Test
    void ourIdCarriesItsCase() {
        String id = ids.create(42);
        assertTrue(id.matches("case-42\\.[a-z2-7]{16}\\.[a-z2-7]{16}@coloc\\.example\\.org"), id);
        assertEquals(42L, ids.caseOf(id));
        assertEquals(Long.MAX_VALUE, ids.caseOf(ids.create(Long.MAX_VALUE)));
    }

    @Test
    void everyIdIsDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ids.create(7)));
        }
    }

    @Test
    void bracketsBlanksAndCaseOfTheDomainAreTolerated() {
        String id = ids.create(42);
        assertEquals(42L, ids.caseOf("<" + id + ">"));
        assertEquals(42L, ids.caseOf("  <" + id + ">\r\n"));
        assertEquals(42L, ids.caseOf(id.replace("@coloc.example.org", "@Coloc.EXAMPLE.org")));
        assertEquals(42L, ids.caseOf(id.toUpperCase(Locale.ROOT)), "a relay that upper-cases ids");
    }

    @Test
    void tamperedCaseNumberIsNotTrusted() {
        String id = ids.create(42);
        assertNull(ids.caseOf(id.replace("case-42.", "case-43.")));
        assertNull(ids.caseOf(id.replace("case-42.", "case-042.")));
        assertNull(ids.caseOf(id.replace("case-42.", "case-4.")));
    }

    @Test
    void forgedMacIsNotTrusted() {
        String id = ids.create(42);
        int macStart = id.lastIndexOf('.', id.indexOf('@')) + 1;
        char c = id.charAt(macStart);
        String forged = id.substring(0, macStart) + (c == 'a' ? 'b' : 'a') + id.substring(macStart + 1);
        assertNull(ids.caseOf(forged));
        assertNull(ids.caseOf("case-42.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org"));
    }

    @Test
    void otherKeyOrOtherDomainIsNotOurs() {
        String id = ids.create(42);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertNull(new OutgoingIds(other, "coloc.example.org").caseOf(id));
        assertNull(ids.caseOf(id.replace("@coloc.example.org", "@evil.example.org")));
        assertNull(ids.caseOf(id.replace("@coloc.example.org", "@coloc.example.org.evil.net")));
        assertNull(ids.caseOf(id.replace("@coloc.example.org", "")));
    }

    @Test
    void theKeyIsCopied() {
        byte[] key = KEY.clone();
        OutgoingIds mine = new OutgoingIds(key, "coloc.example.org");
        String id = mine.create(5);
        key[0] ^= 1;
        assertEquals(5L, mine.caseOf(id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "<>", "@", "case-42@coloc.example.org", "case-.a.b@coloc.example.org",
        "87lji4lx9v.fsf@yoom.home.cworth.org", "case-42.aaaa.bbbb@coloc.example.org",
        "case-99999999999999999999.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "case--1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "case-0.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org"})
    void garbageIsNotOurs(String id) {
        assertNull(ids.caseOf(id));
    }

    @Test
    void macCoversTheRandomPart() {
        String a = ids.create(42);
        String b = ids.create(42);
        String aMac = a.substring(a.lastIndexOf('.', a.indexOf('@')));
        String bRandom = b.substring(0, b.lastIndexOf('.', b.indexOf('@')));
        assertNotEquals(a, bRandom + aMac);
        assertNull(ids.caseOf(bRandom + aMac), "a MAC is not reusable with another random part");
    }

    @Test
    void weakKeysAndBadDomainsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OutgoingIds(null, "coloc.example.org"));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingIds(new byte[8], "coloc.example.org"));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingIds(KEY, null));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingIds(KEY, "a b"));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingIds(KEY, "x@y"));
        assertThrows(IllegalArgumentException.class, () -> ids.create(0));
    }

    @Test
    void base32IsRfc4648() {
        assertEquals("mzxw6ytboi", OutgoingIds.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", OutgoingIds.base32(new byte[0]));
    }

    // notices (issue 10)

    private static Optional<NewMail.NoticeThread> thread(long maintenance, long member) {
        return Optional.of(new NewMail.NoticeThread(maintenance, member));
    }

    @Test
    void aNoticeIdCarriesItsMaintenanceAndMember() {
        String id = ids.createNotice(12, 345);
        assertTrue(id.matches("notice-12-345\\.[a-z2-7]{16}\\.[a-z2-7]{16}@coloc\\.example\\.org"), id);
        assertEquals(thread(12, 345), ids.noticeOf(id));
        assertEquals(thread(12, 345), ids.noticeOf("  <" + id.toUpperCase(Locale.ROOT) + ">\r\n"));
        assertEquals(thread(Long.MAX_VALUE, Long.MAX_VALUE),
                ids.noticeOf(ids.createNotice(Long.MAX_VALUE, Long.MAX_VALUE)));
        assertTrue(!id.equals(ids.createNotice(12, 345)), "each notice its own id");
    }

    @Test
    void aCaseIdIsNeverANoticeNorANoticeACase() {
        String caseId = ids.create(42);
        String noticeId = ids.createNotice(4, 2);
        assertEquals(Optional.empty(), ids.noticeOf(caseId));
        assertNull(ids.caseOf(noticeId));
        // the same random part and MAC under the other kind's name: the MAC inputs differ, so neither checks out
        String caseTail = caseId.substring("case-42".length());
        String noticeTail = noticeId.substring("notice-4-2".length());
        assertEquals(Optional.empty(), ids.noticeOf("notice-42-1" + caseTail));
        assertEquals(Optional.empty(), ids.noticeOf("notice-4-2" + caseTail));
        assertNull(ids.caseOf("case-4" + noticeTail));
        assertNull(ids.caseOf("case-42" + noticeTail));
        assertEquals(42L, ids.caseOf(caseId), "case ids verify exactly as before");
    }

    @Test
    void aTamperedNoticeIsNotTrusted() {
        String id = ids.createNotice(12, 345);
        assertEquals(Optional.empty(), ids.noticeOf(id.replace("notice-12-345.", "notice-12-346.")), "another member");
        assertEquals(Optional.empty(), ids.noticeOf(id.replace("notice-12-345.", "notice-13-345.")));
        assertEquals(Optional.empty(), ids.noticeOf(id.replace("notice-12-345.", "notice-012-345.")));
        assertEquals(Optional.empty(), ids.noticeOf(id.replace("notice-12-345.", "notice-1-2345.")),
                "the dash is covered by the MAC");
        assertEquals(Optional.empty(), ids.noticeOf(id.replace("@coloc.example.org", "@evil.example.org")));
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertEquals(Optional.empty(), new OutgoingIds(other, "coloc.example.org").noticeOf(id));
        int macStart = id.lastIndexOf('.', id.indexOf('@')) + 1;
        char c = id.charAt(macStart);
        assertEquals(Optional.empty(), ids.noticeOf(id.substring(0, macStart) + (c == 'a' ? 'b' : 'a')
                + id.substring(macStart + 1)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "<>", "notice-1-2@coloc.example.org", "notice-1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "notice-0-1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "notice-1-0.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "notice--1-2.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "notice-99999999999999999999-1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "notice-1-2.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org",
        "case-1.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org"})
    void garbageIsNoNotice(String id) {
        assertEquals(Optional.empty(), ids.noticeOf(id));
    }

    @Test
    void aHugeIdIsNotEvenParsed() {
        String huge = "notice-" + "1".repeat(1_000_000) + "-2.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.example.org";
        assertEquals(Optional.empty(), ids.noticeOf(huge));
        assertThrows(IllegalArgumentException.class, () -> ids.createNotice(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ids.createNotice(-1, 1));
    }
}
