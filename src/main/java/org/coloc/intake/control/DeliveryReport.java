package org.coloc.intake.control;

import static org.coloc.intake.control.MailClassifier.containsAny;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a delivery report says about its recipients: from an RFC 3464 message/delivery-status part, or failing
 * that from the human-readable text that non-standard bounces carry.
 *
 * <p>The failed address is taken from the structured place first (DSN fields, the original recipient before the
 * final one), then from the recipient line of the text ({@code <addr>: host … said: 550 …}, Exim's indented
 * address, Sendmail's {@code <addr>... User unknown}, Exchange's address line), never from a sentence that tells
 * whom to contact, a path, an X.400 string or a {@code SMTP=}/{@code rfc822;} prefix. A status is only a DSN
 * {@code Status:} field or an RFC 3463 code standing as a token next to an SMTP reply code or in a diagnostic,
 * never part of a version number, a date or an IP address. Everything is a bounded linear scan: a hostile
 * report cannot make it slow.
 */
record DeliveryReport(String failedRecipient, String status, List<String> actions) {

    /** How much of a report's text is read: bounce notices are short, the rest is the returned mail. */
    static final int MAX_TEXT = 64 * 1024;
    /** Longer lines are cut: recipient lines and diagnostics are short. */
    private static final int MAX_LINE = 2_000;
    /** Lines after "the following addresses failed" that may still hold the address. */
    private static final int LINES_AFTER_TRIGGER = 8;

    /** The status given to a delay warning that names no code of its own: temporary, never a failure. */
    static final String DELAYED = "4.0.0";

    /** Reads the per-recipient blocks of a message/delivery-status body; the first failed recipient wins. */
    static DeliveryReport fromDeliveryStatus(byte[] content) {
        String text = TextDecoding.guess(content, 0, Math.min(content.length, MAX_TEXT));
        String failed = null;
        String failedStatus = null;
        String delayed = null;
        String delayedStatus = null;
        String unnamed = null;
        String unnamedStatus = null;
        List<String> actions = new ArrayList<>();
        for (String block : unfold(text).split("\n[ \t]*\n")) {
            String finalRcpt = null;
            String orig = null;
            String st = null;
            String action = null;
            String diagnostic = null;
            for (String line : block.split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "final-recipient" -> finalRcpt = address(value);
                    case "original-recipient" -> orig = address(value);
                    case "status" -> st = enhancedStatus(value);
                    case "action" -> action = firstWord(value);
                    case "diagnostic-code" -> diagnostic = value;
                    default -> { }
                }
            }
            // the original recipient is the address we sent to; the final one may be a rewritten alias
            String rcpt = orig != null ? orig : finalRcpt;
            if (rcpt == null && action == null) {
                continue;
            }
            if (diagnostic != null && (st == null || isGeneric(st))) {
                st = refined(st, statusInText(diagnostic));
            }
            if (action != null) {
                actions.add(action);
            }
            if ("failed".equals(action)) {
                if (failed == null) {
                    failed = rcpt;
                    failedStatus = st;
                }
            } else if ("delayed".equals(action)) {
                if (delayed == null) {
                    delayed = rcpt;
                    delayedStatus = st;
                }
            } else if (action == null && unnamed == null) {
                unnamed = rcpt;
                unnamedStatus = st;
            }
        }
        if (failed != null || actions.contains("failed")) {
            return new DeliveryReport(failed, failedStatus, actions);
        }
        if (delayed != null || actions.contains("delayed")) {
            return new DeliveryReport(delayed, temporary(delayedStatus), actions);
        }
        // delivered, relayed, expanded: nobody failed
        return new DeliveryReport(actions.isEmpty() ? unnamed : null, unnamedStatus, actions);
    }

    /** True when every recipient action is a non-failure (delayed, delivered, relayed, expanded). */
    boolean onlyNonFailures() {
        return !actions.isEmpty() && actions.stream().noneMatch(a -> a.equals("failed"));
    }

    /** True when nobody failed but someone is delayed: a warning that the mail is still being tried. */
    boolean delayedNotFailed() {
        return actions.contains("delayed") && !actions.contains("failed");
    }

    /** A delay's status: its own 4.x.x code, else {@link #DELAYED} — a 5.x.x or missing code would read as permanent. */
    static String temporary(String status) {
        return status != null && status.startsWith("4.") ? status : DELAYED;
    }

    static DeliveryReport fromText(String text, String failedRecipientsHeader) {
        return fromText(text, failedRecipientsHeader, List.of());
    }

    /**
     * Best effort over a bounce's text.
     *
     * @param notRecipients addresses that cannot be the failed one (the report's own From, To, Reply-To):
     *     a report naming its sender or our address is not telling us who failed
     */
    static DeliveryReport fromText(String text, String failedRecipientsHeader, Collection<String> notRecipients) {
        String t = BodySelection.normaliseNewlines(text == null ? "" : text);
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        List<String> lines = region(t);
        String recipient = dsnFieldsInText(lines, notRecipients);
        if (recipient == null) {
            recipient = recipientLine(lines, notRecipients, true);
        }
        if (recipient == null && failedRecipientsHeader != null) {
            recipient = firstAddress(failedRecipientsHeader, notRecipients);
        }
        if (recipient == null) {
            recipient = recipientLine(lines, notRecipients, false);
        }
        return new DeliveryReport(recipient, statusInLines(lines), List.of());
    }

    /** The notice's lines, up to where the returned mail starts (its headers name other addresses and codes). */
    private static List<String> region(String t) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = t.length();
        while (start <= n) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = t.substring(start, Math.min(end, start + MAX_LINE));
            if (!lines.isEmpty() && startsReturnedMail(line.strip().toLowerCase(Locale.ROOT))) {
                break;
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private static boolean startsReturnedMail(String lower) {
        return lower.startsWith("--- below this line is a copy of the message")
                || lower.contains("----- original message") || lower.contains("unsent message follows")
                || lower.contains("original message follows") || lower.contains("this is a copy of the message")
                || lower.startsWith("------ this is a copy of your message")
                || lower.contains("message headers follow") || lower.contains("header of the original message")
                || lower.startsWith("content-type: message/rfc822") || lower.startsWith("original message headers:");
    }

    /** Final-/Original-Recipient fields quoted in the text (forwarded or flattened DSNs). */
    private static String dsnFieldsInText(List<String> lines, Collection<String> notRecipients) {
        String fin = null;
        for (String line : lines) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("original-recipient:")) {
                String a = firstAddress(line.substring(line.indexOf(':') + 1), notRecipients);
                if (a != null) {
                    return a;
                }
            } else if (lower.startsWith("final-recipient:") && fin == null) {
                fin = firstAddress(line.substring(line.indexOf(':') + 1), notRecipients);
            } else if (fin != null && lower.isEmpty()) {
                break; // end of the first recipient block
            }
        }
        return fin;
    }

    private static final List<String> TRIGGERS = List.of("following address", "following recipient",
            "could not be delivered to", "delivery to the following", "to these recipients", "could not be reached",
            "permanent fatal error", "did not reach the following", "not delivered to", "wasn't delivered to",
            "unable to deliver", "undeliverable to", "following destination");

    /** Words of a sentence about whom to ask for help: addresses in it are a postmaster or a helpdesk. */
    private static final List<String> CONTACT_WORDS = List.of("contact", "assistance", "administrator",
            "helpdesk", "help desk", "send mail to", "write to", "reply to", "reply-to", "questions",
            "reporting-mta", "received-from-mta", "remote-mta", "return-path", "envelope-from", "message-id",
            "sender", "sent by", "from:", "reported by", "reporting");

    private static final List<String> FAILURE_WORDS = List.of("said:", " said ", "user unknown", "unknown user",
            "no such", "does not exist", "doesn't exist", "not found", "rejected", "failed", "error", "undeliverable",
            "couldn't be delivered", "could not be delivered", "wasn't delivered", "was not delivered",
            "delivering your mail to", "rcpt to", "recipient", "mailbox", "unknown", "invalid", "disabled", "quota",
            "full", "refused", "denied", "unavailable", "unrouteable", "host", "expired", "blocked", "retry");

    /**
     * The first address on a recipient line of the notice. In the strict pass: a line that starts with the address
     * (Postfix {@code <addr>: host …}, qmail {@code <addr>:}, Exim's indented address, Sendmail
     * {@code <addr>... User unknown} even behind a reply code, Exchange's {@code addr on date}) or Exim's
     * {@code generated by addr}, the original of a redirected address. In the loose pass: an address in a line that
     * speaks of a failure, or in the few lines after "the following addresses failed".
     */
    private static String recipientLine(List<String> lines, Collection<String> notRecipients, boolean strict) {
        String generatedBy = null;
        String leading = null;
        int triggerUntil = -1;
        boolean previousIsContact = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            boolean contact = containsAny(lower, CONTACT_WORDS);
            if (strict) {
                // Exim names the address we sent to when it was redirected: that one is ours, not the final one
                if (generatedBy == null && (lower.startsWith("generated by ")
                        || lower.startsWith("(ultimately generated from ") || lower.startsWith("(generated from "))) {
                    generatedBy = firstAddress(line, notRecipients);
                }
                // a recipient line may say "Sender address rejected": only a wrapped contact sentence disqualifies it
                if (leading == null && !previousIsContact) {
                    leading = leadingAddress(line, notRecipients);
                }
            } else if (!contact) {
                if (triggerUntil >= i || containsAny(lower, FAILURE_WORDS)) {
                    String a = firstAddress(line, notRecipients);
                    if (a != null) {
                        return a;
                    }
                }
                if (containsAny(lower, TRIGGERS)) {
                    triggerUntil = i + LINES_AFTER_TRIGGER;
                }
            }
            previousIsContact = contact && !lower.endsWith(".");
        }
        return generatedBy != null ? generatedBy : leading;
    }

    /** The address a line starts with, past an optional reply code and angle bracket, if it is followed by nothing or by an error. */
    private static String leadingAddress(String line, Collection<String> notRecipients) {
        int i = 0;
        int n = line.length();
        if (n > 4 && isReplyCode(line, 0) && (line.charAt(3) == ' ' || line.charAt(3) == '-')) {
            i = 4;
        }
        while (i < n && (line.charAt(i) == '<' || line.charAt(i) == '"' || line.charAt(i) == ' ')) {
            i++;
        }
        int at = line.indexOf('@', i);
        if (at < 0 || at - i > 64) {
            return null;
        }
        for (int k = i; k < at; k++) {
            if (!isLocalChar(line.charAt(k))) {
                return null;
            }
        }
        int end = domainEnd(line, at + 1);
        String a = valid(line.substring(i, end), notRecipients);
        if (a == null) {
            return null;
        }
        String rest = line.substring(end).stripLeading();
        while (!rest.isEmpty() && (rest.charAt(0) == '>' || rest.charAt(0) == '"')) {
            rest = rest.substring(1).stripLeading();
        }
        // Postfix "<final@x> (expanded from <alias@y>): …": the alias is the address we sent to
        if (rest.regionMatches(true, 0, "(expanded from", 0, 14)) {
            int close = rest.indexOf(')');
            String original = firstAddress(close > 0 ? rest.substring(0, close) : rest, notRecipients);
            if (original != null) {
                return original;
            }
        }
        boolean followedByError = rest.isEmpty() || rest.startsWith(":") || rest.startsWith("...")
                || rest.startsWith("(") || rest.startsWith("on ") || rest.startsWith("-") || rest.startsWith(";")
                || containsAny(rest.toLowerCase(Locale.ROOT), FAILURE_WORDS);
        return followedByError ? a : null;
    }

    /** The first valid address in a value, with {@code rfc822;}, {@code smtp;}, {@code SMTP=}, {@code mailto:} prefixes stripped. */
    static String firstAddress(String value, Collection<String> notRecipients) {
        if (value == null) {
            return null;
        }
        int from = 0;
        int n = Math.min(value.length(), MAX_LINE);
        while (from < n) {
            int at = value.indexOf('@', from);
            if (at < 0 || at >= n) {
                return null;
            }
            int start = at;
            while (start > 0 && at - start < 65 && isLocalChar(value.charAt(start - 1))) {
                start--;
            }
            int end = domainEnd(value, at + 1);
            String a = valid(value.substring(start, end), notRecipients);
            if (a != null) {
                return a;
            }
            from = at + 1;
        }
        return null;
    }

    private static int domainEnd(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < 256 && isDomainChar(s.charAt(end))) {
            end++;
        }
        while (end > from && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return end;
    }

    /**
     * The candidate as an RFC 5321 mailbox, or null: a gateway prefix (SMTP=, RFC-822=) is cut off, and a local part
     * with a path or X.400 attributes in it (a spool file, a pipe, /C=…/ADMD=…) or an encoded word is no address.
     */
    static String valid(String candidate, Collection<String> notRecipients) {
        int at = candidate.lastIndexOf('@');
        if (at <= 0 || at == candidate.length() - 1) {
            return null;
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        String lowerLocal = local.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("smtp=", "rfc-822=", "rfc822=", "smtp:", "rfc822:", "mailto:")) {
            int p = lowerLocal.lastIndexOf(prefix);
            if (p >= 0) {
                local = local.substring(p + prefix.length());
                lowerLocal = lowerLocal.substring(p + prefix.length());
            }
        }
        if (local.isEmpty() || local.length() > 64 || local.startsWith(".") || local.endsWith(".")
                || local.contains("..") || local.indexOf('/') >= 0 || local.indexOf('|') >= 0
                || local.startsWith("=") || local.contains("=?") || local.indexOf('@') >= 0
                || lowerLocal.startsWith("imcea") || local.indexOf('=') != local.lastIndexOf('=')) {
            return null; // IMCEA… and multi-attribute locals are X.400/Exchange encapsulations, not mailboxes
        }
        if (!validDomain(domain)) {
            return null;
        }
        String address = local + "@" + domain;
        for (String not : notRecipients) {
            if (not != null && not.equalsIgnoreCase(address)) {
                return null;
            }
        }
        return address;
    }

    private static boolean validDomain(String d) {
        if (d.length() > 255 || d.indexOf('.') < 0) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        String tld = d.substring(d.lastIndexOf('.') + 1);
        return tld.length() >= 2 && tld.chars().anyMatch(Character::isLetter);
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0);
    }

    private static boolean isDomainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** Status of the notice: a quoted DSN Status: field, else a code next to a reply code, else one in a diagnostic. */
    private static String statusInLines(List<String> lines) {
        String field = null;
        for (String line : lines) {
            String s = line.strip();
            if (s.regionMatches(true, 0, "status:", 0, 7)) {
                field = enhancedStatus(s.substring(7));
                if (field != null) {
                    break;
                }
            }
        }
        if (field != null && !isGeneric(field)) {
            return field;
        }
        // a transcript's "250 2.0.0 Ok" lines say what went well: a failure code, if any, is the news
        String strong = null;
        String loose = null;
        String success = null;
        for (String line : lines) {
            Code c = code(line);
            if (c == null) {
                continue;
            }
            if (c.value.startsWith("2")) {
                success = success == null ? c.value : success;
            } else if (c.nextToReplyCode) {
                strong = c.value;
                break;
            } else if (loose == null) {
                loose = c.value;
            }
        }
        String found = strong != null ? strong : loose != null ? loose : success;
        return field != null ? refined(field, strong) : found;
    }

    /** x.0.0 says only "permanent" or "temporary": a diagnostic's own code of the same class says more. */
    private static boolean isGeneric(String status) {
        return status.endsWith(".0.0");
    }

    private static String refined(String generic, String fromDiagnostic) {
        if (generic == null) {
            return fromDiagnostic;
        }
        return fromDiagnostic != null && fromDiagnostic.charAt(0) == generic.charAt(0) ? fromDiagnostic : generic;
    }

    /** The status of one diagnostic text (a Diagnostic-Code value, a "said:" line). */
    static String statusInText(String text) {
        if (text == null) {
            return null;
        }
        return statusInLines(region(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
    }

    private record Code(String value, boolean nextToReplyCode) {
    }

    /** The best RFC 3463 code token of a line: one right after an SMTP reply code of its class, else the first plain one. */
    private static Code code(String line) {
        Code loose = null;
        int n = line.length();
        for (int i = 0; i + 4 < n; i++) {
            char c = line.charAt(i);
            if (c != '2' && c != '4' && c != '5') {
                continue;
            }
            int end = codeEnd(line, i);
            if (end < 0) {
                continue;
            }
            String value = line.substring(i, end);
            if (nextToReplyCode(line, i, c)) {
                return new Code(value, true);
            }
            if (loose == null && standsAlone(line, i)) {
                loose = new Code(value, false);
            }
            i = end;
        }
        return loose;
    }

    /** End of a code x.y.z starting at i, or -1: not glued to letters, digits or dots on either side. */
    private static int codeEnd(String v, int i) {
        int n = v.length();
        if (i + 1 >= n || v.charAt(i + 1) != '.') {
            return -1;
        }
        if (i > 0) {
            char before = v.charAt(i - 1);
            if (Character.isLetterOrDigit(before) || before == '.' || before == '-' && i > 1
                    && Character.isLetter(v.charAt(i - 2))) {
                return -1; // v2.0.13, 10.5.1.1, Exim-4.9.1
            }
        }
        int j = i + 2;
        int d1 = digits(v, j, 3);
        if (d1 == 0 || j + d1 >= n || v.charAt(j + d1) != '.') {
            return -1;
        }
        int k = j + d1 + 1;
        int d2 = digits(v, k, 3);
        if (d2 == 0) {
            return -1;
        }
        int end = k + d2;
        if (end < n) {
            char after = v.charAt(end);
            if (Character.isLetterOrDigit(after) || after == '.' && end + 1 < n && Character.isDigit(v.charAt(end + 1))) {
                return -1;
            }
        }
        return end;
    }

    /** "550 5.1.1", "550-5.1.1", "550 #5.1.1", "#5.1.1" (qmail, Exchange): the code qualifies a reply. */
    private static boolean nextToReplyCode(String v, int i, char cls) {
        int p = i - 1;
        if (p >= 0 && v.charAt(p) == '#') {
            return true;
        }
        while (p >= 0 && (v.charAt(p) == ' ' || v.charAt(p) == '-' || v.charAt(p) == '\t')) {
            p--;
        }
        return p >= 2 && v.charAt(p - 2) == cls && isReplyCode(v, p - 2) && (p < 3 || !Character.isLetterOrDigit(v.charAt(p - 3)));
    }

    /**
     * A code with no reply code before it counts only as its own token after punctuation or a word that introduces a
     * status ("Status code: 5.1.1", "(5.1.1)", "smtp; 5.1.1"), never after a name ("Mailman 2.1.5", "Postfix 3.7.10").
     */
    private static boolean standsAlone(String v, int i) {
        int p = i - 1;
        while (p >= 0 && (v.charAt(p) == ' ' || v.charAt(p) == '\t')) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        if (!Character.isLetterOrDigit(v.charAt(p))) {
            return true;
        }
        int w = p;
        while (w >= 0 && Character.isLetter(v.charAt(w))) {
            w--;
        }
        String word = v.substring(w + 1, p + 1).toLowerCase(Locale.ROOT);
        return word.equals("status") || word.equals("code") || word.equals("error") || word.equals("smtp")
                || word.equals("said") || word.equals("reason") || word.equals("dsn");
    }

    private static boolean isReplyCode(String v, int i) {
        return i + 2 < v.length() && "245".indexOf(v.charAt(i)) >= 0 && Character.isDigit(v.charAt(i + 1))
                && Character.isDigit(v.charAt(i + 2)) && (i + 3 >= v.length() || !Character.isLetterOrDigit(v.charAt(i + 3)))
                && (i == 0 || !Character.isLetterOrDigit(v.charAt(i - 1)) && v.charAt(i - 1) != '.');
    }

    /** An RFC 3463 status x.y.z found as a token in the value, or null. Linear scan, no regex backtracking. */
    static String enhancedStatus(String v) {
        if (v == null) {
            return null;
        }
        int n = Math.min(v.length(), MAX_LINE);
        for (int i = 0; i + 4 < n; i++) {
            char c = v.charAt(i);
            if (c == '2' || c == '4' || c == '5') {
                int end = codeEnd(v, i);
                if (end > 0) {
                    return v.substring(i, end);
                }
            }
        }
        return null;
    }

    private static int digits(String v, int from, int max) {
        int d = 0;
        while (from + d < v.length() && d < max && Character.isDigit(v.charAt(from + d))) {
            d++;
        }
        return d;
    }

    /** "rfc822; user@example.com" or "<user@example.com>" to the bare address, or null when there is none. */
    static String address(String value) {
        String v = value.trim();
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(semi + 1).trim();
        }
        v = v.replace("<", "").replace(">", "").trim();
        int space = v.indexOf(' ');
        String first = space > 0 ? v.substring(0, space) : v;
        String a = valid(first, List.of());
        // a pipe or file "address" may carry the mailbox further on ("|/usr/bin/x user@example.com")
        return a != null ? a : firstAddress(v, List.of());
    }

    private static String firstWord(String value) {
        String[] w = value.toLowerCase(Locale.ROOT).split("[\\s;(]", 2);
        return w.length == 0 ? "" : w[0];
    }

    private static String unfold(String s) {
        return BodySelection.normaliseNewlines(s).replaceAll("\n[ \t]+", " ");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
