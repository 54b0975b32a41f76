package org.coloc.maintenance.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which reminder of a maintenance goes out when. A reminder is an offset before the start ({@code PT24H}); each
 * is done with at most once, sent or skipped, and what is done is stored, so a restart repeats nothing. Pure code.
 *
 * <ul>
 * <li>At the announcement, offsets whose time has already passed are skipped: a member told on Friday about
 * Saturday does not also get a "three days before" mail.</li>
 * <li>A sweep sends the due reminder. When several came due at once (coloc was down, or the clock jumped), one
 * mail goes out, the one closest to the start, and the others are skipped: two mails saying the same a minute
 * apart help nobody.</li>
 * <li>Once the start has passed, due reminders are skipped: the "started" notice says more.</li>
 * <li>When the window moves, the reminders start over for the new start (less those already past), since they
 * announce a time that changed.</li>
 * </ul>
 */
public final class Reminders {

    private Reminders() {
    }

    /** What a sweep does: the reminder to send (null: none) and every offset done with afterwards. */
    public record Due(Duration send, Set<Duration> done) {

        public Due {
            done = Set.copyOf(done);
        }
    }

    /** The offsets whose time is not after {@code now}: skipped at the announcement or when the window moved. */
    public static Set<Duration> past(Instant start, Instant now, Collection<Duration> offsets) {
        Set<Duration> past = new HashSet<>();
        for (Duration offset : offsets) {
            if (!start.minus(offset).isAfter(now)) {
                past.add(offset);
            }
        }
        return past;
    }

    /** What a sweep at {@code now} does with the reminders of a maintenance that starts at {@code start}. */
    public static Due due(Instant start, Instant now, List<Duration> offsets, Set<Duration> done) {
        Set<Duration> pending = new HashSet<>(past(start, now, offsets));
        pending.removeAll(done);
        if (pending.isEmpty()) {
            return new Due(null, done);
        }
        Set<Duration> after = new HashSet<>(done);
        after.addAll(pending);
        Duration send = start.isAfter(now) ? pending.stream().min(Comparator.naturalOrder()).orElseThrow() : null;
        return new Due(send, after);
    }
}
