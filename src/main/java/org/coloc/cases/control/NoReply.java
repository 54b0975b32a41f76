package org.coloc.cases.control;

import java.util.Locale;
import java.util.regex.Pattern;

/** Addresses nobody reads (no-reply, mailer-daemon…): never acknowledged. Pure code. */
public final class NoReply {

    private static final Pattern LOCAL = Pattern.compile(
            "^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|mailer[-_.]?daemon|postmaster|bounces?)([-+_.].*)?$");

    private NoReply() {
    }

    public static boolean matches(String address) {
        if (address == null || address.indexOf('@') < 1) {
            return true;
        }
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        return LOCAL.matcher(local).matches();
    }
}
