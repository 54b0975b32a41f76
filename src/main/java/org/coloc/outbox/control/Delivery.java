package org.coloc.outbox.control;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP attempt did to each recipient, read from what Angus Mail reports: an address refused with a
 * 5xx code (or malformed, or longer than SMTP allows) is refused for good; a 4xx code, a lost connection or
 * anything unexplained may pass and is tried again. Pure code.
 */
public final class Delivery {

    /** RFC 5321: 256 characters of path, angle brackets included. */
    public static final int MAX_ADDRESS = 254;

    public enum Result {
        SENT, REFUSED, DEFERRED
    }

    public record Outcome(Result result, String reason) {

        static Outcome sent() {
            return new Outcome(Result.SENT, null);
        }
    }

    private Delivery() {
    }

    /**
     * Null when the address can be given to SMTP as is; else why never. Intake reads addresses leniently
     * ({@code a..b@x}, {@code .a@x}); SMTP clients and strict servers refuse them, so they fail at once
     * instead of holding a mail back.
     */
    public static String malformed(String address) {
        if (address == null || address.isBlank()) {
            return "no address";
        }
        if (address.length() > MAX_ADDRESS) {
            return "address longer than SMTP allows (" + MAX_ADDRESS + " characters)";
        }
        for (int i = 0; i < address.length(); i++) {
            if (Character.isISOControl(address.charAt(i))) {
                return "malformed address: control character";
            }
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                return "malformed address: not a plain address";
            }
            return null;
        } catch (AddressException e) {
            return "malformed address: " + e.getMessage();
        }
    }

    public static Map<String, Outcome> allSent(List<String> to) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        to.forEach(a -> out.put(a, Outcome.sent()));
        return out;
    }

    /** Every recipient alike (e.g. the server could not be reached): tried again later. */
    public static Map<String, Outcome> allDeferred(List<String> to, String reason) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        to.forEach(a -> out.put(a, new Outcome(Result.DEFERRED, reason)));
        return out;
    }

    /**
     * After {@code Transport.sendMessage} threw, with {@code mail.smtp.sendpartial} on: the addresses the
     * server took, those it refused (each with its answer), and those it did not get to.
     */
    public static Map<String, Outcome> afterFailure(List<String> to, MessagingException e) {
        int code = returnCode(e);
        boolean permanent = code >= 500 && code <= 599;
        String reason = reason(e);
        Map<String, Outcome> out = new LinkedHashMap<>();
        to.forEach(a -> out.put(a, new Outcome(permanent ? Result.REFUSED : Result.DEFERRED, reason)));
        if (e instanceof SendFailedException failed) {
            Map<String, String> perAddress = addressReasons(e);
            mark(out, failed.getValidSentAddresses(), a -> Outcome.sent());
            mark(out, failed.getInvalidAddresses(), a -> new Outcome(Result.REFUSED, perAddress.getOrDefault(a, reason)));
            mark(out, failed.getValidUnsentAddresses(), a -> {
                int own = addressCodes(e).getOrDefault(a, code);
                return new Outcome(own >= 500 && own <= 599 ? Result.REFUSED : Result.DEFERRED,
                        perAddress.getOrDefault(a, reason));
            });
        }
        return out;
    }

    /**
     * Whether a failed attempt ended without the server saying anything about the mail: the connection was lost
     * (no reply at all) or the server said it is closing it (421), and no recipient was taken. Such a mail is
     * worth once more on a new connection.
     */
    public static boolean noVerdict(MessagingException e) {
        int code = e instanceof SMTPSenderFailedException s ? s.getReturnCode() : returnCode(e);
        if (code != -1 && code != 421) {
            return false;
        }
        if (e instanceof SendFailedException failed) {
            return none(failed.getValidSentAddresses()) && none(failed.getInvalidAddresses());
        }
        return true;
    }

    private static boolean none(Address[] addresses) {
        return addresses == null || addresses.length == 0;
    }

    private static void mark(Map<String, Outcome> out, Address[] addresses,
            java.util.function.Function<String, Outcome> outcome) {
        if (addresses == null) {
            return;
        }
        for (Address a : addresses) {
            String key = find(out, a);
            if (key != null) {
                out.put(key, outcome.apply(key));
            }
        }
    }

    private static String find(Map<String, Outcome> out, Address a) {
        String address = a instanceof InternetAddress ia ? ia.getAddress() : a.toString();
        if (out.containsKey(address)) {
            return address;
        }
        return out.keySet().stream().filter(k -> k.equalsIgnoreCase(address)).findFirst().orElse(null);
    }

    private static Map<String, String> addressReasons(MessagingException e) {
        Map<String, String> reasons = new HashMap<>();
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException af) {
                reasons.put(af.getAddress().getAddress(), reason(af));
                reasons.put(af.getAddress().getAddress().toLowerCase(Locale.ROOT), reason(af));
            }
        }
        return reasons;
    }

    private static Map<String, Integer> addressCodes(MessagingException e) {
        Map<String, Integer> codes = new HashMap<>();
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException af) {
                codes.put(af.getAddress().getAddress(), af.getReturnCode());
            }
        }
        return codes;
    }

    private static int returnCode(MessagingException e) {
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        return -1;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
