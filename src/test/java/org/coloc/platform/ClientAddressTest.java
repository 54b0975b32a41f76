package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coloc.platform.ClientAddress.TrustedProxies;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final TrustedProxies PROXY = TrustedProxies.parse("127.0.0.2, 10.1.0.0/16");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("192.0.2.9", ClientAddress.resolve("192.0.2.9", List.of("203.0.113.1"), TrustedProxies.NONE));
    }

    @Test
    void aForgedHeaderFromAClientThatIsNoProxyIsIgnored() {
        assertEquals("127.0.0.3", ClientAddress.resolve("127.0.0.3", List.of("203.0.113.1"), PROXY));
    }

    @Test
    void fromAProxyTheRightmostAddressThatIsNoProxyIsTheClient() {
        assertEquals("203.0.113.7", ClientAddress.resolve("127.0.0.2", List.of("203.0.113.7"), PROXY));
        // the client wrote the first entry itself: only what our proxies appended counts
        assertEquals("203.0.113.7", ClientAddress.resolve("127.0.0.2", List.of("1.2.3.4, 203.0.113.7"), PROXY));
        assertEquals("203.0.113.7",
                ClientAddress.resolve("127.0.0.2", List.of("1.2.3.4", "203.0.113.7, 10.1.4.4"), PROXY));
        assertEquals("127.0.0.2", ClientAddress.resolve("127.0.0.2", List.of(), PROXY));
        assertEquals("10.1.0.1", ClientAddress.resolve("127.0.0.2", List.of("10.1.0.1"), PROXY));
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("2001:0db8:0001:0002:ffff::9"));
        assertFalse(ClientAddress.key("2001:db8:1:2::1").equals(ClientAddress.key("2001:db8:1:3::1")));
        assertEquals("0:0:0:0:0:0:0:0/64", ClientAddress.key("::1"));
        assertEquals("192.0.2.1", ClientAddress.key("::ffff:192.0.2.1"));
    }

    @Test
    void garbageIsBoundedAndNeverLookedUp() {
        assertNull(ClientAddress.literal("localhost"));
        assertNull(ClientAddress.literal("999.1.1.1"));
        assertNull(ClientAddress.literal("example.org"));
        String key = ClientAddress.key("x".repeat(10_000));
        assertTrue(key.length() <= 101, key);
    }

    @Test
    void proxiesAreAddressesOrRanges() {
        assertTrue(PROXY.contains("10.1.200.3"));
        assertFalse(PROXY.contains("10.2.0.1"));
        assertTrue(TrustedProxies.parse("::1").contains("0:0:0:0:0:0:0:1"));
        assertTrue(TrustedProxies.parse("").isEmpty());
        assertTrue(TrustedProxies.parse(" , ").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }
}
