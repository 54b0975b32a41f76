package org.coloc.platform;

import java.time.Duration;

/**
 * Login limits (failed logins per client and overall within a window), the reverse proxies whose
 * {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}) is believed, how long a checked API token is remembered,
 * and after how long without use the dashboard's login session ends.
 */
public record AuthSettings(int maxFailuresPerClient, int maxFailures, Duration failureWindow,
        ClientAddress.TrustedProxies trustedProxies, Duration tokenCache, Duration sessionIdle) {

    public static final String MAX_FAILURES_PER_CLIENT = "coloc.auth.max-failures-per-client";
    public static final String MAX_FAILURES = "coloc.auth.max-failures";
    public static final String FAILURE_WINDOW = "coloc.auth.failure-window-seconds";
    public static final String TRUSTED_PROXIES = "coloc.auth.trusted-proxies";
    public static final String TOKEN_CACHE = "coloc.auth.token-cache-seconds";
    public static final String SESSION_IDLE = "coloc.admin.session-idle-minutes";

    public static AuthSettings read(SettingsReader in) {
        ClientAddress.TrustedProxies proxies = ClientAddress.TrustedProxies.NONE;
        try {
            proxies = ClientAddress.TrustedProxies.parse(in.optional(TRUSTED_PROXIES).orElse(""));
        } catch (IllegalArgumentException e) {
            in.problem(SettingsProblem.name(TRUSTED_PROXIES) + " must be a comma list of IP addresses or CIDR ranges: "
                    + e.getMessage(), TRUSTED_PROXIES);
        }
        return new AuthSettings(in.integer(MAX_FAILURES_PER_CLIENT, 1, Integer.MAX_VALUE),
                in.integer(MAX_FAILURES, 1, Integer.MAX_VALUE), in.seconds(FAILURE_WINDOW, 1), proxies,
                in.seconds(TOKEN_CACHE, 0), Duration.ofMinutes(in.number(SESSION_IDLE, 1, 7 * 24 * 60)));
    }

    public LoginThrottle.Limits limits(int maxClients) {
        return new LoginThrottle.Limits(maxFailuresPerClient, maxFailures, failureWindow, maxClients);
    }
}
