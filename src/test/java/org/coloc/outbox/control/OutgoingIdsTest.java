package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
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
}
