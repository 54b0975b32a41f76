package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.coloc.comments.control.SignedLinks.Action;
import org.coloc.comments.control.SignedLinks.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedLinksTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));
    private final SignedLinks links = new SignedLinks(KEY);

    private Link valid(String query, Instant at) {
        SignedLinks.Check check = links.check(query, at);
        return assertInstanceOf(SignedLinks.Valid.class, check, query).link();
    }

    private SignedLinks.Refused refused(String query) {
        return assertInstanceOf(SignedLinks.Refused.class, links.check(query, NOW), query);
    }

    @Test
    void aModerationLinkRoundTrips() {
        for (Action a : List.of(Action.PUBLISH, Action.REJECT, Action.SPAM)) {
            String q = links.query(Link.moderation(a, 42, EXPIRES));
            assertTrue(q.startsWith("a=" + a.label() + "&c=42&e=" + EXPIRES.getEpochSecond() + "&s="), q);
            assertEquals(Link.moderation(a, 42, EXPIRES), valid(q, NOW));
        }
    }

    @Test
    void anUnsubscribeLinkRoundTripsWithoutTheAddressInClear() {
        String q = links.query(Link.unsubscribe("Ana.Lopez+blog@Example.ORG", EXPIRES));
        assertFalse(q.toLowerCase().contains("example"), q);
        assertFalse(q.contains("@"), q);
        assertTrue(q.matches("[A-Za-z0-9_=&-]+"), "URL-safe as it is: " + q);
        Link link = valid(q, NOW);
        assertEquals(Action.UNSUBSCRIBE, link.action());
        assertEquals("ana.lopez+blog@example.org", link.address());
    }

    @Test
    void everyAlteredPartIsRefusedAsNotValid() {
        String q = links.query(Link.moderation(Action.PUBLISH, 42, EXPIRES));
        String later = Long.toString(EXPIRES.getEpochSecond() + 86_400);
        List<String> altered = List.of(
                q.replace("a=publish", "a=reject"),
                q.replace("a=publish", "a=spam"),
                q.replace("c=42", "c=43"),
                q.replace("c=42", "c=420"),
                q.replace("e=" + EXPIRES.getEpochSecond(), "e=" + later),
                q.substring(0, q.length() - 1) + (q.endsWith("A") ? "B" : "A"),
                q.substring(0, q.length() - 1),
                new SignedLinks("another key, 32 bytes long......".getBytes(StandardCharsets.US_ASCII))
                        .query(Link.moderation(Action.PUBLISH, 42, EXPIRES)));
        for (String a : altered) {
            SignedLinks.Refused r = refused(a);
            assertFalse(r.expired(), "an altered link is not reported as expired: " + a);
        }
        // an unsubscribe link of one address does not work for another
        String u = links.query(Link.unsubscribe("ana@example.org", EXPIRES));
        String bob = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("bob@example.org".getBytes(StandardCharsets.UTF_8));
        refused(u.replaceFirst("m=[^&]+", "m=" + bob));
        // nor turns into a moderation link, nor the reverse
        refused(u.replace("a=unsubscribe", "a=publish"));
        refused(q.replace("a=publish", "a=unsubscribe"));
    }

    @Test
    void expiredIsRefusedWithItsOwnMessageFromTheSecondAfterItsExpiry() {
        String q = links.query(Link.moderation(Action.SPAM, 7, EXPIRES));
        assertEquals(Action.SPAM, valid(q, EXPIRES).action());
        SignedLinks.Refused r = assertInstanceOf(SignedLinks.Refused.class, links.check(q, EXPIRES.plusSeconds(1)));
        assertTrue(r.expired());
        assertTrue(r.reason().contains("expired"), r.reason());
        assertFalse(refused("a=spam&c=7&e=1&s=" + "A".repeat(43)).expired(), "an unsigned old link is just not valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "=", "&", "&&&&", "a=publish", "a=publish&c=42", "a=publish&c=42&e=1",
        "a=publish&c=42&e=1&s=", "a=&c=&e=&s=", "a=publish&c=042&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=publish&c=-1&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=publish&c=99999999999999999999&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=publish&c=1&e=1&s=%41AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=delete&c=1&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=unsubscribe&c=1&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a=unsubscribe&m=!!!&e=1&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "x=1&a=publish&c=1&e=1", "a=publish&a=publish&c=1&e=1", "a=publish;c=1;e=1;s=x", "<script>alert(1)</script>"})
    void garbageIsRefused(String query) {
        assertFalse(refused(query).expired());
    }

    @Test
    void aRepeatedParameterIsRefusedEvenWhenTheFirstIsSigned() {
        String q = links.query(Link.moderation(Action.PUBLISH, 42, EXPIRES));
        refused(q + "&c=43");
        refused("c=43&" + q);
        refused(q + "&");
        refused(null);
    }

    @Test
    void longInputIsRefusedWithoutBeingParsed() {
        char[] huge = new char[5_000_000];
        Arrays.fill(huge, '&');
        refused(new String(huge));
        refused("a=publish&c=1&e=1&s=" + "A".repeat(10_000));
        String q = links.query(Link.unsubscribe("a".repeat(240) + "@example.org", EXPIRES));
        assertTrue(q.length() <= SignedLinks.MAX_QUERY);
        assertEquals("a".repeat(240) + "@example.org", valid(q, NOW).address());
        assertThrows(IllegalArgumentException.class, () -> links.query(Link.unsubscribe("a".repeat(250)
                + "@example.org", EXPIRES)));
    }

    @Test
    void aShortKeyAndLinksWithoutTheirObjectAreRefusedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks(new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> Link.moderation(Action.PUBLISH, 0, EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> Link.unsubscribe(null, EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> Link.moderation(Action.UNSUBSCRIBE, 3, EXPIRES));
    }
}
