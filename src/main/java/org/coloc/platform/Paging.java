package org.coloc.platform;

/** Reads and checks offset/limit query parameters the same way for every list. Pure code. */
public record Paging(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /**
     * Deeper than any list of a small collective will ever be, and far enough from {@code Integer.MAX_VALUE} that
     * offset + limit cannot overflow in a query.
     */
    public static final int MAX_OFFSET = 10_000_000;

    public static Paging of(String offset, String limit) {
        long o = parse("offset", offset, 0);
        long l = parse("limit", limit, DEFAULT_LIMIT);
        if (o < 0 || o > MAX_OFFSET) {
            throw ProblemException.badRequest("offset must be between 0 and " + MAX_OFFSET + ", not " + o + ".");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + l + ".");
        }
        return new Paging((int) o, (int) l);
    }

    private static long parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim();
        // more digits than any long: not a number we could page to, whatever its value
        if (v.length() > 18) {
            throw ProblemException.badRequest(name + " is out of range: '" + Bounded.text(v, 40) + "'.");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, not '" + Bounded.text(v, 40) + "'.");
        }
    }
}
