package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorsTest {

    private static void valid(Function<String, String> check, String s) {
        assertNull(check.apply(s), () -> "'" + s + "' should be valid");
    }

    private static void invalid(Function<String, String> check, String s, String message) {
        assertEquals(message, check.apply(s), () -> "'" + s + "' should be invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.org", "a.b+tag@mail.example.co.uk", "x@localhost", "o'neil@example.org",
            "élodie@example.fr", "a@b-c.example"})
    void validEmails(String s) {
        valid(Validators::email, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.org", "alice@@example.org", "a b@example.org",
            "alice@example..org", "alice@-example.org", "alice@example-.org", "alice@example.org.", "<a@example.org>",
            "a,b@example.org", "alice@exa_mple.org", "\"a\"@example.org"})
    void invalidEmails(String s) {
        invalid(Validators::email, s, "is not a valid e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "web-1.example.org", "localhost", "example.org.", "xn--bcher-kva.example",
            "1.2.3.4", "A.B"})
    void validHostnames(String s) {
        valid(Validators::hostname, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "-web.example.org", "web-.example.org", "web_1.example.org",
            "example..org", ".example.org", "exa mple.org", "example.org..", "é.example.org"})
    void invalidHostnames(String s) {
        invalid(Validators::hostname, s, "is not a valid host name");
    }

    /** At each length limit: the longest value allowed passes, a longer one is refused. */
    static Stream<Arguments> lengthLimits() {
        String longDomain = ("d".repeat(60) + ".").repeat(4) + "org"; // 247 characters
        String n253 = ("a".repeat(62) + ".").repeat(4) + "a"; // 4*63 + 1
        assertEquals(253, n253.length());
        String recordName = "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit";
        return Stream.of(
                limit("an e-mail local part of at most 64", Validators::email,
                        "x".repeat(64) + "@example.org", "x".repeat(65) + "@example.org", "is not a valid e-mail address"),
                limit("an e-mail address of at most 254", Validators::email,
                        "abcde@" + longDomain, "abcdefgh@" + longDomain, "is not a valid e-mail address"),
                limit("a host name label of at most 63", Validators::hostname,
                        "a".repeat(63) + ".org", "a".repeat(64) + ".org", "is not a valid host name"),
                limit("a host name of at most 253", Validators::hostname, n253, n253 + "a", "is not a valid host name"),
                limit("a record name of at most 63", Validators::recordName, "a".repeat(63), "a".repeat(64), recordName));
    }

    private static Arguments limit(String what, Function<String, String> check, String longest, String tooLong,
            String message) {
        return Arguments.of(what, check, longest, tooLong, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lengthLimits")
    void lengthsAreBounded(String what, Function<String, String> check, String longest, String tooLong, String message) {
        valid(check, longest);
        invalid(check, tooLong, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "www.example.org", "EXAMPLE.ORG", "example.org."})
    void validDomains(String s) {
        valid(Validators::domain, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost.", "intranet"})
    void singleLabelsAreNotDomains(String s) {
        invalid(Validators::domain, s, "must be a fully qualified domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x.org", "exa_mple.org", "a..org", "*.example.org", "http://example.org"})
    void invalidDomains(String s) {
        invalid(Validators::domain, s, "is not a valid domain name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "a", "9", "db_2.old", "A-b.C_d"})
    void validRecordNames(String s) {
        valid(Validators::recordName, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-web", ".web", "_web", "web 1", "web/1", "wéb", "web;drop"})
    void invalidRecordNames(String s) {
        invalid(Validators::recordName, s, "must be 1-63 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "255.255.255.255", "10.0.0.10", "100.64.0.199", "249.250.251.252"})
    void validIpv4(String s) {
        valid(Validators::ipv4, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "300.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1.2.3.4 ",
            "1..3.4", "a.b.c.d", "::1", "1.2.3.4\n", "١.٢.٣.٤", "-1.2.3.4", "1.2.3.4/24"})
    void invalidIpv4(String s) {
        invalid(Validators::ipv4, s, "is not a valid IPv4 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "::", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8",
            "::ffff:192.0.2.1", "0:0:0:0:0:ffff:192.0.2.1", "64:ff9b::192.0.2.1", "::192.0.2.1"})
    void validIpv6(String s) {
        valid(Validators::ipv6, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "1.2.3.4", "2001:db8::g", "1::2::3", "1:2:3:4:5:6:7:8:9", ":1:2:3:4:5:6:7",
            "12345::1", "2001:db8:::1", "fe80::1%eth0", "[::1]", "localhost", "::1 ", "1:2:3:4:5:6:7:",
            "::ffff:300.1.1.1"})
    void invalidIpv6(String s) {
        invalid(Validators::ipv6, s, "is not a valid IPv6 address");
    }
}
