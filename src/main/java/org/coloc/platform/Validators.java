package org.coloc.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Field checks shared by resources; each answers null when fine, else what is wrong. Pure code. */
public final class Validators {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>()\\[\\],;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private Validators() {
    }

    public static String email(String s) {
        return EMAIL.matcher(s).matches() && s.length() <= 254 ? null : "is not a valid e-mail address";
    }

    /** A host name: dot-separated DNS labels, at least one dot unless {@code single} is allowed. */
    public static String hostname(String s) {
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.length() > 253 || name.isEmpty()) {
            return "is not a valid host name";
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "is not a valid host name";
            }
        }
        return null;
    }

    /** A DNS name served by the reverse proxy: a host name with at least two labels. */
    public static String domain(String s) {
        String problem = hostname(s);
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s; // 'localhost.' is one label
        return problem != null ? "is not a valid domain name"
                : name.contains(".") ? null : "must be a fully qualified domain";
    }

    /** Short record names (hosts, VMs): letters, digits, dot, dash, underscore. */
    public static String recordName(String s) {
        return NAME.matcher(s).matches() ? null : "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit";
    }

    public static String ipv4(String s) {
        return IPV4.matcher(s).matches() ? null : "is not a valid IPv4 address";
    }

    public static String ipv6(String s) {
        if (!IPV6_CHARS.matcher(s).matches() || !s.contains(":")) {
            return "is not a valid IPv6 address";
        }
        try {
            // only literals with a colon reach here: no name lookup happens, and an Inet4Address can only come
            // from an IPv4-mapped IPv6 literal, however it is written (::ffff:192.0.2.1, 0:0:0:0:0:ffff:c000:201)
            InetAddress a = InetAddress.getByName(s);
            return a instanceof Inet6Address || a instanceof Inet4Address ? null : "is not a valid IPv6 address";
        } catch (UnknownHostException e) {
            return "is not a valid IPv6 address";
        }
    }
}
