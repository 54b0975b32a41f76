package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's login, without a server: the growing delay after failed logins, the sessions (idle end, logout,
 * bounded table, CSRF token), the cookie's attributes and when it is Secure, and which requests need no login.
 */
class DashboardLoginTest {

    private final TestClock clock = new TestClock();

    // --- the growing delay

    @Test
    void eachFailureInARowWaitsTwiceAsLongUpToFiveSeconds() {
        LoginDelays delays = LoginDelays.standard(Duration.ofMinutes(5), 100, clock);
        List<Long> waits = IntStream.range(0, 7).mapToObj(i -> delays.failed("192.0.2.1").toMillis()).toList();
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), waits);
    }

    @Test
    void theDelayIsPerClientAndASuccessForgetsIt() {
        LoginDelays delays = LoginDelays.standard(Duration.ofMinutes(5), 100, clock);
        delays.failed("192.0.2.1");
        delays.failed("192.0.2.1");
        assertEquals(Duration.ofMillis(500), delays.failed("198.51.100.7"), "another client starts at the first step");
        delays.succeeded("192.0.2.1");
        assertEquals(Duration.ofMillis(500), delays.failed("192.0.2.1"), "after a login the delay starts again");
    }

    @Test
    void aQuietWindowForgetsTheFailures() {
        LoginDelays delays = LoginDelays.standard(Duration.ofMinutes(5), 100, clock);
        delays.failed("192.0.2.1");
        delays.failed("192.0.2.1");
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Duration.ofSeconds(2), delays.failed("192.0.2.1"), "within the window: still growing");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Duration.ofMillis(500), delays.failed("192.0.2.1"), "five quiet minutes: forgotten");
    }

    @Test
    void manyGuessersDoNotGrowTheTable() {
        LoginDelays delays = LoginDelays.standard(Duration.ofMinutes(5), 50, clock);
        IntStream.range(0, 1000).forEach(i -> delays.failed("10.0." + (i / 256) + "." + (i % 256)));
        assertEquals(50, delays.clientsRemembered());
        assertEquals(Duration.ofSeconds(5), LoginDelays.standard(Duration.ofMinutes(5), 1, clock).delayAfter(1000),
                "no overflow after many failures");
    }

    // --- sessions

    @Test
    void aSessionLastsWhileItIsUsedAndEndsAfterTheIdleTime() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 10);
        AdminSessions.Opened opened = sessions.open("admin");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.use(opened.cookieValue()).isPresent(), "29 minutes: still there, and its idle time restarts");
        clock.advance(Duration.ofMinutes(29));
        assertEquals("admin", sessions.use(opened.cookieValue()).orElseThrow().user());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.use(opened.cookieValue()).isEmpty(), "30 minutes unused: ended");
        assertEquals(0, sessions.size(), "an ended session is forgotten");
    }

    @Test
    void logoutEndsTheSessionAndOnlyIt() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 10);
        AdminSessions.Opened laptop = sessions.open("admin");
        AdminSessions.Opened phone = sessions.open("admin");
        sessions.end(laptop.cookieValue());
        assertTrue(sessions.use(laptop.cookieValue()).isEmpty());
        assertTrue(sessions.use(phone.cookieValue()).isPresent());
    }

    @Test
    void unknownAndHostileCookiesFindNothing() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 10);
        AdminSessions.Opened opened = sessions.open("admin");
        for (String cookie : new String[] {null, "", "x", opened.cookieValue() + "x", opened.cookieValue().substring(1),
                "a".repeat(100_000), opened.session().csrfToken()}) {
            assertTrue(sessions.use(cookie).isEmpty(), String.valueOf(cookie).length() + " characters");
        }
        sessions.end("a".repeat(100_000));
        assertEquals(1, sessions.size());
    }

    @Test
    void cookieAndCsrfTokenAreRandomAndDifferent() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 10);
        AdminSessions.Opened a = sessions.open("admin");
        AdminSessions.Opened b = sessions.open("admin");
        assertNotEquals(a.cookieValue(), b.cookieValue());
        assertNotEquals(a.cookieValue(), a.session().csrfToken());
        assertNotEquals(a.session().csrfToken(), b.session().csrfToken());
        assertTrue(a.cookieValue().matches("[A-Za-z0-9_-]{43}"), "256 bits, cookie-safe: " + a.cookieValue());
    }

    @Test
    void theCsrfTokenMustBeTheSessionsOwn() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 10);
        AdminSessions.Session a = sessions.open("admin").session();
        AdminSessions.Session b = sessions.open("admin").session();
        assertTrue(AdminSessions.csrfMatches(a, a.csrfToken()));
        assertFalse(AdminSessions.csrfMatches(a, b.csrfToken()), "another session's token");
        assertFalse(AdminSessions.csrfMatches(a, null));
        assertFalse(AdminSessions.csrfMatches(a, ""));
        assertFalse(AdminSessions.csrfMatches(a, a.csrfToken() + " "));
    }

    @Test
    void theTableIsBoundedTheLeastRecentlyUsedEndsFirst() {
        AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(30), 3);
        AdminSessions.Opened kept = sessions.open("admin");
        AdminSessions.Opened dropped = sessions.open("admin");
        sessions.open("admin");
        sessions.use(kept.cookieValue());
        sessions.open("admin");
        assertEquals(3, sessions.size());
        assertTrue(sessions.use(kept.cookieValue()).isPresent(), "used recently");
        assertTrue(sessions.use(dropped.cookieValue()).isEmpty(), "least recently used");
    }

    // --- the cookie

    @Test
    void theCookieIsHttpOnlyStrictForTheWholeSiteAndSecureOverHttps() {
        assertEquals("coloc_session=abc; Path=/; HttpOnly; SameSite=Strict", SessionCookies.session("abc", false));
        assertEquals("coloc_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure", SessionCookies.session("abc", true));
        assertEquals("coloc_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict", SessionCookies.ended(false));
    }

    @Test
    void httpsIsBelievedFromTheConnectionOrATrustedProxyOnly() {
        ClientAddress.TrustedProxies proxy = ClientAddress.TrustedProxies.parse("127.0.0.1");
        assertTrue(SessionCookies.overHttps(true, "192.0.2.1", null, ClientAddress.TrustedProxies.NONE), "direct TLS");
        assertTrue(SessionCookies.overHttps(false, "127.0.0.1", "https", proxy), "the proxy says so");
        assertTrue(SessionCookies.overHttps(false, "127.0.0.1", "HTTPS, http", proxy), "the first hop counts");
        assertFalse(SessionCookies.overHttps(false, "127.0.0.1", "http", proxy));
        assertFalse(SessionCookies.overHttps(false, "127.0.0.1", null, proxy));
        assertFalse(SessionCookies.overHttps(false, "192.0.2.9", "https", proxy), "not our proxy: ignored");
        assertFalse(SessionCookies.overHttps(false, "127.0.0.1", "https", ClientAddress.TrustedProxies.NONE),
                "no proxy configured: ignored");
    }

    // --- which requests need what

    @Test
    void onlyPostingTheLoginFormNeedsNoLogin() {
        assertTrue(ApiAuthentication.isLogin("POST", "/api/session"));
        assertFalse(ApiAuthentication.isLogin("GET", "/api/session"), "who is logged in: needs the session");
        assertFalse(ApiAuthentication.isLogin("DELETE", "/api/session"), "logout: needs the session (and CSRF)");
        assertFalse(ApiAuthentication.isLogin("POST", "/api/session/"));
        assertFalse(ApiAuthentication.isLogin("POST", "/api/sessions"));
        assertTrue(ApiAuthentication.isProtected("/api/session"));
    }

    @Test
    void onlyReadsGoWithoutCsrfToken() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertTrue(ApiAuthentication.isSafe(method), method);
        }
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "get", "TRACE", "PROPFIND"}) {
            assertFalse(ApiAuthentication.isSafe(method), method);
        }
    }

    // --- the setting

    @Test
    void theIdleTimeIsThirtyMinutesByDefaultAndChecked() {
        Map<String, String> values = new java.util.HashMap<>(SettingsTest.defaults());
        assertEquals(Duration.ofMinutes(30), Settings.read(SettingsReader.of(values)).orThrow().auth().sessionIdle());
        values.put("coloc.admin.session-idle-minutes", "240");
        assertEquals(Duration.ofHours(4), Settings.read(SettingsReader.of(values)).orThrow().auth().sessionIdle());
        for (String wrong : new String[] {"0", "-5", "half an hour", "10081"}) {
            values.put("coloc.admin.session-idle-minutes", wrong);
            Settings.Read read = Settings.read(SettingsReader.of(values));
            assertEquals(1, read.problems().size(), wrong);
            assertTrue(read.problems().get(0).text().contains("COLOC_ADMIN_SESSION_IDLE_MINUTES"),
                    read.problems().get(0).text());
        }
    }
}
