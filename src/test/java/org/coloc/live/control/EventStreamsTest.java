package org.coloc.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry of open streams: its bound, and that a client who does not read, or is gone, harms nobody else. */
class EventStreamsTest {

    private static final LiveEvent HELLO = LiveEvent.comment("connected");
    private static final ThreadFactory THREADS = r -> {
        Thread t = new Thread(r, "test-event-stream");
        t.setDaemon(true);
        return t;
    };

    private final List<EventStreams> made = new ArrayList<>();

    @AfterEach
    void shutDown() {
        made.forEach(EventStreams::shutDown);
    }

    private EventStreams streams(int max, int queue) {
        EventStreams s = new EventStreams(max, queue, THREADS);
        made.add(s);
        return s;
    }

    /** A client that reads everything. */
    static final class Reader implements EventStreams.Sink {
        final BlockingQueue<LiveEvent> got = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override
        public void send(LiveEvent event) {
            got.add(event);
        }

        @Override
        public void close() {
            closed = true;
        }

        LiveEvent next() throws InterruptedException {
            LiveEvent e = got.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event");
            }
            return e;
        }
    }

    /** A client that stops reading: its first write never returns (until the stream is ended). */
    static final class Stuck implements EventStreams.Sink {
        final CountDownLatch writing = new CountDownLatch(1);
        final List<LiveEvent> got = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void send(LiveEvent event) throws InterruptedException {
            got.add(event);
            writing.countDown();
            new CountDownLatch(1).await();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A client that went away: every write fails. */
    static final class Gone implements EventStreams.Sink {
        volatile boolean closed;

        @Override
        public void send(LiveEvent event) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aClientGetsTheGreetingThenEveryEventInOrder() throws Exception {
        EventStreams streams = streams(2, 10);
        Reader r = new Reader();
        assertTrue(streams.open(r, HELLO).isPresent());
        streams.publish(LiveEvent.caseChanged(1, "new", "opened"));
        streams.publish(LiveEvent.caseChanged(1, "waiting-requester", "reply"));
        assertEquals(HELLO, r.next());
        assertEquals(LiveEvent.caseChanged(1, "new", "opened"), r.next());
        assertEquals(LiveEvent.caseChanged(1, "waiting-requester", "reply"), r.next());
    }

    @Test
    void oneStreamMoreThanTheBoundIsRefusedUntilOneEnds() throws Exception {
        EventStreams streams = streams(3, 10);
        List<EventStreams.Stream> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(streams.open(new Reader(), HELLO).orElseThrow());
        }
        Reader refused = new Reader();
        assertTrue(streams.open(refused, HELLO).isEmpty(), "the fourth");
        assertTrue(refused.got.isEmpty() && !refused.closed, "a refused client's sink is not touched");
        open.get(0).end("test");
        await(() -> streams.size() == 2);
        assertTrue(streams.open(new Reader(), HELLO).isPresent(), "a place is free again");
        assertTrue(streams.open(new Reader(), HELLO).isEmpty());
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheOthersAndIsDroppedWhenFarBehind() throws Exception {
        EventStreams streams = streams(5, 3);
        Stuck stuck = new Stuck();
        streams.open(stuck, HELLO).orElseThrow();
        assertTrue(stuck.writing.await(10, TimeUnit.SECONDS), "its first write hangs");
        Reader reader = new Reader();
        streams.open(reader, HELLO).orElseThrow();
        assertEquals(HELLO, reader.next());

        // publish never waits for the stuck client: it returns while that client's write still hangs. The reader
        // takes each event before the next is published: it keeps up, as a reading client does (published all at
        // once, a slow test machine may leave its own queue of 3 full, and it would rightly be dropped too)
        for (int i = 1; i <= 4; i++) {
            streams.publish(LiveEvent.caseChanged(i, "new", "opened"));
            assertEquals(LiveEvent.caseChanged(i, "new", "opened"), reader.next());
        }
        // 4 events for a queue of 3: the stuck stream is ended (its write interrupted), closed, its place freed
        await(() -> stuck.closed && streams.size() == 1);
        assertFalse(reader.closed);
        streams.publish(LiveEvent.caseChanged(5, "new", "opened"));
        assertEquals(LiveEvent.caseChanged(5, "new", "opened"), reader.next());
        assertEquals(List.of(HELLO), stuck.got, "nothing more was written to the stuck client");
    }

    @Test
    void aClientThatWentAwayIsClosedAndForgotten() throws Exception {
        EventStreams streams = streams(1, 10);
        Gone gone = new Gone();
        streams.open(gone, HELLO).orElseThrow();
        await(() -> gone.closed && streams.size() == 0);
        assertTrue(streams.open(new Reader(), HELLO).isPresent(), "its place is free");
    }

    @Test
    void shuttingDownClosesEveryStreamAndRefusesNewOnes() throws Exception {
        EventStreams streams = streams(3, 10);
        Reader a = new Reader();
        Stuck b = new Stuck();
        streams.open(a, HELLO).orElseThrow();
        streams.open(b, HELLO).orElseThrow();
        assertTrue(b.writing.await(10, TimeUnit.SECONDS));
        streams.shutDown();
        await(() -> a.closed && b.closed && streams.size() == 0);
        assertTrue(streams.open(new Reader(), HELLO).isEmpty());
    }

    @Test
    void noThreadNoStream() {
        EventStreams streams = new EventStreams(2, 10, r -> null);
        Reader r = new Reader();
        assertTrue(streams.open(r, HELLO).isEmpty());
        assertEquals(0, streams.size());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
