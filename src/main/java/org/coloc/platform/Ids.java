package org.coloc.platform;

/** Parses ids from paths: a clear 400 for a malformed one, instead of a confusing 404. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String what, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw ProblemException.badRequest("'" + raw + "' is not a valid " + what + " id (a positive number).");
    }
}
