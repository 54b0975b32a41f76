package org.coloc.cases.control;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.coloc.intake.control.AuthenticationResults;
import org.coloc.outbox.control.OutgoingIds;

/**
 * Whether a mail whose {@code From:} is the admin's address really is his. Anybody can write that header, and
 * a mail counted as the admin's answer is recorded as sent without being sent, so a forger could make a case
 * look answered and silence it. Pure code.
 *
 * <p>Two proofs count:
 * <ol>
 * <li>its {@code In-Reply-To} is one of our keyed Message-IDs ({@link OutgoingIds}): only someone who received
 * a mail of ours for a case can name one, which the admin's client does when he answers from it;</li>
 * <li>the receiving server vouches for it: the topmost {@code Authentication-Results} header (RFC 8601) whose
 * authserv-id is the configured one says {@code dmarc=pass} or {@code dkim=pass} for the admin's domain
 * ({@code header.from}, {@code header.d} or {@code header.i}). Lower headers may have been written by anybody;
 * without a configured authserv-id these headers are never trusted.</li>
 * </ol>
 */
public final class AdminProof {

    private AdminProof() {
    }

    /**
     * @param from the mail's sender
     * @param admin the admin's address (blank: there is no admin)
     * @param inReplyTo the mail's In-Reply-To, may be null
     * @param ids our Message-IDs
     * @param authenticationResults the values of the mail's Authentication-Results headers, topmost first
     * @param trustedAuthservId the authserv-id of our receiving server, null or blank: trust none
     */
    public static boolean proven(String from, String admin, String inReplyTo, OutgoingIds ids,
            List<String> authenticationResults, String trustedAuthservId) {
        return proven(from, admin, inReplyTo, ids == null ? id -> false : id -> ids.caseOf(id) != null,
                authenticationResults, trustedAuthservId);
    }

    /**
     * The same, with "is this one of our keyed Message-IDs?" asked of {@code ours} (the mail router asks it of
     * its lookups, which check the id's hash).
     */
    public static boolean proven(String from, String admin, String inReplyTo, Predicate<String> ours,
            List<String> authenticationResults, String trustedAuthservId) {
        if (from == null || admin == null || admin.isBlank() || !from.strip().equalsIgnoreCase(admin.strip())) {
            return false;
        }
        if (inReplyTo != null && ours != null && ours.test(inReplyTo)) {
            return true;
        }
        return vouchedFor(domainOf(admin), authenticationResults, trustedAuthservId);
    }

    /** Whether the trusted server's verdict says the domain passed DMARC or DKIM. */
    static boolean vouchedFor(String domain, List<String> authenticationResults, String trustedAuthservId) {
        if (domain == null) {
            return false;
        }
        return AuthenticationResults.ofOurServer(authenticationResults, trustedAuthservId)
                .map(results -> results.stream().anyMatch(result -> passesFor(result, domain))).orElse(false);
    }

    private static boolean passesFor(String result, String domain) {
        String[] tokens = result.strip().split("\\s+");
        if (tokens.length == 0) {
            return false;
        }
        String verdict = tokens[0].toLowerCase(Locale.ROOT);
        String method = verdict.contains("=") ? verdict.substring(0, verdict.indexOf('=')) : verdict;
        if (method.contains("/")) {
            method = method.substring(0, method.indexOf('/'));
        }
        if (!(method.equals("dmarc") || method.equals("dkim")) || !verdict.endsWith("=pass")) {
            return false;
        }
        for (int i = 1; i < tokens.length; i++) {
            String p = tokens[i];
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = unquote(p.substring(eq + 1));
            boolean names = switch (name) {
                case "header.from", "header.d" -> value.equalsIgnoreCase(domain);
                case "header.i" -> domain.equalsIgnoreCase(value.contains("@") ? domainOf(value) : value);
                default -> false;
            };
            if (names) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
