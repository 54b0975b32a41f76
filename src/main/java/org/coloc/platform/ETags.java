package org.coloc.platform;

/** Optimistic locking over HTTP: the ETag is the record's version; If-Match must name the current one. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Passes when there is no If-Match (the writer takes the risk), when it is {@code *}, or when one of its tags
     * is the current one; answers 412 otherwise.
     */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "Precondition Failed",
                "The record changed since you read it (current ETag " + current + "); read it again and retry.");
    }
}
