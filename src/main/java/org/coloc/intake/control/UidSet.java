package org.coloc.intake.control;

import java.util.Arrays;
import java.util.Collection;

/** IMAP sequence-set syntax for UIDs ("3:7,9,12:13"), so one command covers a whole batch. Pure code. */
public final class UidSet {

    private UidSet() {
    }

    public static String of(Collection<Long> uids) {
        long[] sorted = uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        return of(sorted);
    }

    public static String of(long[] uids) {
        long[] sorted = Arrays.stream(uids).sorted().distinct().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            long start = sorted[i];
            while (i + 1 < sorted.length && sorted[i + 1] == sorted[i] + 1) {
                i++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (sorted[i] != start) {
                sb.append(':').append(sorted[i]);
            }
        }
        return sb.toString();
    }
}
