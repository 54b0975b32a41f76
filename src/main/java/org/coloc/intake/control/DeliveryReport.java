package org.coloc.intake.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a delivery report says about its recipients: from an RFC 3464 message/delivery-status part, or failing
 * that from the human-readable text that non-standard bounces carry.
 */
record DeliveryReport(String failedRecipient, String status, List<String> actions) {

    /** Reads the per-recipient blocks of a message/delivery-status body; the first failed recipient wins. */
    static DeliveryReport fromDeliveryStatus(byte[] content) {
        String text = TextDecoding.guess(content, 0, content.length);
        String recipient = null;
        String status = null;
        String firstRecipient = null;
        String firstStatus = null;
        List<String> actions = new ArrayList<>();
        for (String block : unfold(text).split("\n\\s*\n")) {
            String rcpt = null;
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
                    case "final-recipient" -> rcpt = address(value);
                    case "original-recipient" -> orig = address(value);
                    case "status" -> st = enhancedStatus(value);
                    case "action" -> action = value.toLowerCase(Locale.ROOT).split("[\\s;(]")[0];
                    case "diagnostic-code" -> diagnostic = value;
                    default -> { }
                }
            }
            if (rcpt == null) {
                rcpt = orig;
            }
            if (rcpt == null && action == null) {
                continue;
            }
            if (st == null && diagnostic != null) {
                st = enhancedStatus(diagnostic);
            }
            if (action != null) {
                actions.add(action);
            }
            if (firstRecipient == null) {
                firstRecipient = rcpt;
                firstStatus = st;
            }
            if (recipient == null && "failed".equals(action)) {
                recipient = rcpt;
                status = st;
            }
        }
        return recipient != null ? new DeliveryReport(recipient, status, actions)
                : new DeliveryReport(firstRecipient, firstStatus, actions);
    }

    /** True when every recipient action is a non-failure (delayed, delivered, relayed, expanded). */
    boolean onlyNonFailures() {
        return !actions.isEmpty() && actions.stream().noneMatch(a -> a.equals("failed"));
    }

    /** Best effort over a bounce's text: Postfix/Exim/qmail/Exchange phrasing. */
    static DeliveryReport fromText(String text, String failedRecipientsHeader) {
        String recipient = null;
        if (failedRecipientsHeader != null) {
            List<String> a = HeaderDecoder.extractAddresses(failedRecipientsHeader);
            recipient = a.isEmpty() ? null : a.get(0);
        }
        String t = text == null ? "" : text;
        if (t.length() > 200_000) {
            t = t.substring(0, 200_000);
        }
        String[] lines = t.split("\n");
        for (int i = 0; i < lines.length && recipient == null; i++) {
            String line = lines[i].trim();
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("final-recipient:") || lower.startsWith("original-recipient:")) {
                recipient = address(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("<") && line.indexOf(">:") > 0 && line.indexOf('@') > 0) {
                recipient = line.substring(1, line.indexOf(">:"));
            } else if (lower.contains("following address") || lower.contains("following recipient")
                    || lower.contains("could not be delivered to") || lower.contains("delivery to the following")) {
                for (int j = i; j < Math.min(lines.length, i + 6) && recipient == null; j++) {
                    List<String> a = HeaderDecoder.extractAddresses(j == i ? lines[j].substring(lower.indexOf("follow") >= 0 ? lower.indexOf("follow") : 0) : lines[j]);
                    recipient = a.isEmpty() ? null : a.get(0);
                }
            }
        }
        return new DeliveryReport(recipient, enhancedStatus(t), List.of());
    }

    /** An RFC 3463 status x.y.z found in the value, or null. Linear scan, no regex backtracking. */
    static String enhancedStatus(String v) {
        if (v == null) {
            return null;
        }
        int n = v.length();
        for (int i = 0; i + 4 < n; i++) {
            char c = v.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && v.charAt(i + 1) == '.' && (i == 0 || !isStatusChar(v.charAt(i - 1)))) {
                int j = i + 2;
                int d1 = digits(v, j, 3);
                if (d1 == 0 || j + d1 >= n || v.charAt(j + d1) != '.') {
                    continue;
                }
                int k = j + d1 + 1;
                int d2 = digits(v, k, 3);
                if (d2 == 0 || (k + d2 < n && isStatusChar(v.charAt(k + d2)))) {
                    continue;
                }
                return v.substring(i, k + d2);
            }
        }
        return null;
    }

    private static boolean isStatusChar(char c) {
        return Character.isDigit(c) || c == '.';
    }

    private static int digits(String v, int from, int max) {
        int d = 0;
        while (from + d < v.length() && d < max && Character.isDigit(v.charAt(from + d))) {
            d++;
        }
        return d;
    }

    /** "rfc822; user@example.com" or "<user@example.com>" to the bare address. */
    static String address(String value) {
        String v = value.trim();
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(semi + 1).trim();
        }
        v = v.replace("<", "").replace(">", "").trim();
        int space = v.indexOf(' ');
        if (space > 0) {
            v = v.substring(0, space);
        }
        return v.isEmpty() ? null : v;
    }

    private static String unfold(String s) {
        return BodySelection.normaliseNewlines(s).replaceAll("\n[ \t]+", " ");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
