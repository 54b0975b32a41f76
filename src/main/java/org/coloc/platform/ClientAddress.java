package org.coloc.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for throttling and logs. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured proxy: then the client is the rightmost address in it that is not itself
 * a trusted proxy (the leftmost entries are whatever the client claimed). From anybody else the header is
 * ignored, so a guesser cannot pose as a new client with every request. IPv6 clients count by their /64,
 * which one subscriber usually has whole. Pure code; never asks DNS.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The configured proxies: addresses or CIDR ranges. */
    public static final class TrustedProxies {

        private record Range(byte[] network, int prefix) {
        }

        private final List<Range> ranges;

        private TrustedProxies(List<Range> ranges) {
            this.ranges = ranges;
        }

        public static final TrustedProxies NONE = new TrustedProxies(List.of());

        /** From a comma list such as {@code 127.0.0.1, 10.0.0.0/8, ::1}; an entry that is no address is an error. */
        public static TrustedProxies parse(String list) {
            if (list == null || list.isBlank()) {
                return NONE;
            }
            List<Range> ranges = new ArrayList<>();
            for (String entry : CommaList.items(list)) {
                int slash = entry.indexOf('/');
                byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
                if (address == null) {
                    throw new IllegalArgumentException("not an IP address or CIDR range: '" + entry + "'");
                }
                int prefix = address.length * 8;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(entry.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > address.length * 8) {
                        throw new IllegalArgumentException("bad prefix length in '" + entry + "'");
                    }
                }
                ranges.add(new Range(address, prefix));
            }
            return new TrustedProxies(List.copyOf(ranges));
        }

        public boolean isEmpty() {
            return ranges.isEmpty();
        }

        public boolean contains(String address) {
            byte[] a = literal(address);
            if (a == null) {
                return false;
            }
            for (Range r : ranges) {
                if (r.network().length == a.length && samePrefix(r.network(), a, r.prefix())) {
                    return true;
                }
            }
            return false;
        }
    }

    private ClientAddress() {
    }

    /**
     * The client's key: its address (an IPv6 one cut to its /64), from the connection's remote address and,
     * if that is a trusted proxy, the {@code X-Forwarded-For} header values.
     */
    public static String resolve(String remoteAddress, Enumeration<String> forwardedFor, TrustedProxies proxies) {
        return resolve(remoteAddress, forwardedFor == null ? List.of() : Collections.list(forwardedFor), proxies);
    }

    public static String resolve(String remoteAddress, List<String> forwardedFor, TrustedProxies proxies) {
        if (proxies.isEmpty() || !proxies.contains(remoteAddress) || forwardedFor.isEmpty()) {
            return key(remoteAddress);
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!proxies.contains(hops.get(i))) {
                return key(hops.get(i));
            }
        }
        // every hop is one of our proxies: the first of them made the request
        return hops.isEmpty() ? key(remoteAddress) : key(hops.get(0));
    }

    /** An address as a client key: one spelling per address, IPv6 by /64, anything else bounded. */
    static String key(String address) {
        byte[] a = literal(address);
        if (a == null) {
            return "?" + Bounded.key(address == null ? "" : address, 100);
        }
        if (a.length == 16) {
            for (int i = 8; i < 16; i++) {
                a[i] = 0;
            }
            return toText(a) + "/64";
        }
        return toText(a);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when the text is not one (no DNS lookup ever). */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone > 0 && s.indexOf(':') >= 0) {
            s = s.substring(0, zone);
        }
        if (IPV4.matcher(s).matches()) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (!(s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) {
            return null;
        }
        try {
            // a literal (digits and dots, or containing ':') is parsed, never looked up
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String toText(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean samePrefix(byte[] network, byte[] address, int prefix) {
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (network[full] & mask) == (address[full] & mask);
    }
}
