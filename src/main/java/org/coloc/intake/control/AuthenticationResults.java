package org.coloc.intake.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What our receiving server says of a mail in its {@code Authentication-Results} header (RFC 8601): the results
 * of the topmost header whose authserv-id is the configured one ({@code coloc.mail.authserv-id}). Headers below
 * it, and every header when no authserv-id is configured, came with the mail and prove nothing. Used to prove
 * the admin's mail ({@code cases.control.AdminProof}) and to flag a comment whose sender failed both DKIM and
 * SPF ({@code comments.control.SpamSignals}). Pure code; only the start of a header is read.
 */
public final class AuthenticationResults {

    /** A real verdict fits many times over. */
    static final int MAX_HEADER = 4096;

    private AuthenticationResults() {
    }

    /**
     * The results (e.g. {@code dkim=pass header.d=example.org}) our server wrote, without comments; empty when
     * no header is our server's or none is trusted.
     *
     * @param headers the mail's Authentication-Results values, topmost first
     * @param trustedAuthservId our receiving server's authserv-id; null or blank: trust none
     */
    public static Optional<List<String>> ofOurServer(List<String> headers, String trustedAuthservId) {
        if (headers == null || trustedAuthservId == null || trustedAuthservId.isBlank()) {
            return Optional.empty();
        }
        for (String raw : headers) {
            String header = raw == null ? "" : raw.length() > MAX_HEADER ? raw.substring(0, MAX_HEADER) : raw;
            List<String> parts = split(withoutComments(header));
            if (parts.isEmpty()) {
                continue;
            }
            String authservId = parts.get(0).split("\\s+")[0];
            if (authservId.equalsIgnoreCase(trustedAuthservId.strip())) {
                // the topmost header of our server is its verdict: anything below came with the mail
                return Optional.of(parts.subList(1, parts.size()));
            }
        }
        return Optional.empty();
    }

    /** Without RFC 5322 comments (parenthesised, may nest), which may hold any text, semicolons included. */
    static String withoutComments(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (depth == 0 && ch == '"') {
                quoted = !quoted;
            }
            if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && depth > 0) {
                depth--;
                sb.append(' ');
            } else if (depth == 0) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static List<String> split(String header) {
        List<String> parts = new ArrayList<>();
        for (String p : header.split(";")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }
}
