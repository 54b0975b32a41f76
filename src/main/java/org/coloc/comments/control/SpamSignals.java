package org.coloc.comments.control;

import java.util.List;
import java.util.Locale;
import org.coloc.intake.control.AuthenticationResults;

/**
 * Whether the receiving server says a comment's mail failed authentication: in the topmost
 * {@code Authentication-Results} header (RFC 8601) whose authserv-id is ours ({@code coloc.mail.authserv-id}),
 * DKIM failed or gave nothing ({@code dkim=fail}, {@code dkim=none}, or no dkim result) AND SPF failed
 * ({@code spf=fail}). Lower headers, and every header when no authserv-id is configured, came with the mail and
 * prove nothing (as {@code cases.control.AdminProof} trusts them). Such a comment is only flagged
 * ({@code spamSuspect}): never published at once, it waits for the admin like any other. Pure code; only the
 * start of each header is read.
 */
public final class SpamSignals {

    private SpamSignals() {
    }

    /**
     * @param authenticationResults the mail's Authentication-Results values, topmost first
     * @param trustedAuthservId our receiving server's authserv-id; null or blank: trust none
     */
    public static boolean suspect(List<String> authenticationResults, String trustedAuthservId) {
        return AuthenticationResults.ofOurServer(authenticationResults, trustedAuthservId)
                .map(SpamSignals::failedBoth).orElse(false);
    }

    private static boolean failedBoth(List<String> results) {
        boolean dkimPassed = false;
        boolean dkimFailed = true;
        boolean spfFailed = false;
        for (String result : results) {
            String verdict = verdict(result);
            if (verdict.startsWith("dkim=")) {
                String v = verdict.substring(5);
                if (v.equals("pass")) {
                    dkimPassed = true;
                } else if (!v.equals("fail") && !v.equals("none") && !v.equals("permerror")) {
                    // neutral, policy, temperror: not a failure we can blame on the sender
                    dkimFailed = false;
                }
            } else if (verdict.startsWith("spf=")) {
                spfFailed = verdict.substring(4).equals("fail");
            }
        }
        return !dkimPassed && dkimFailed && spfFailed;
    }

    /** {@code method=result} of one resinfo, lower-case, e.g. {@code dkim=fail}. */
    private static String verdict(String resinfo) {
        String t = resinfo.strip();
        int space = t.indexOf(' ');
        String first = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
        int eq = first.indexOf('=');
        if (eq <= 0) {
            return first;
        }
        String method = first.substring(0, eq);
        int slash = method.indexOf('/');
        return (slash < 0 ? method : method.substring(0, slash)) + first.substring(eq);
    }
}
