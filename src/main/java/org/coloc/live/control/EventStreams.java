package org.coloc.live.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open event streams, bounded, and the one rule that keeps a client that stops reading from hurting anybody:
 * {@link #publish} only puts the event in each stream's own queue (never waits), and each stream has its own thread
 * that writes its queue to its client. A client that does not read blocks only its own thread; its queue fills, and
 * the stream is ended (its client, an {@code EventSource}, reconnects by itself and reloads what it shows). A write
 * that fails (the client went away) ends the stream too. A stream keeps its place in the bound until its thread has
 * ended, so there are never more sending threads than {@code maxStreams}.
 *
 * <p>Pure: the container's part is the {@link Sink} (a JAX-RS {@code SseEventSink}) and the {@link ThreadFactory}
 * (a managed one); tests give plain ones.
 */
public final class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    /** How often an idle sending thread looks whether its stream was ended meanwhile. */
    private static final long CHECK_MILLIS = 500;

    /** Where one stream's events go: its client's connection. */
    public interface Sink {

        /** Writes one event; may block while the client does not read; throws when the client is gone. */
        void send(LiveEvent event) throws Exception;

        /** Ends the response; never throws. */
        void close();
    }

    private final int maxStreams;
    private final int queueCapacity;
    private final ThreadFactory threads;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private boolean shutDown;

    /**
     * @param maxStreams streams open at once
     * @param queueCapacity events waiting for one client at most; one more ends its stream (a batch of 200 mails
     *        makes about 400 events: the capacity must hold a few batches)
     */
    public EventStreams(int maxStreams, int queueCapacity, ThreadFactory threads) {
        if (maxStreams < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxStreams and queueCapacity must be positive");
        }
        this.maxStreams = maxStreams;
        this.queueCapacity = queueCapacity;
        this.threads = threads;
    }

    /**
     * A new stream to {@code sink}, whose first event is {@code greeting}; empty when {@code maxStreams} are open (or
     * after {@link #shutDown}): the caller refuses the client, the sink is not touched.
     */
    public Optional<Stream> open(Sink sink, LiveEvent greeting) {
        Stream s = new Stream(sink);
        synchronized (streams) {
            if (shutDown || streams.size() >= maxStreams) {
                return Optional.empty();
            }
            streams.add(s);
        }
        s.queue.add(greeting);
        Thread worker;
        try {
            worker = threads.newThread(s::run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No thread for an event stream", e);
            worker = null;
        }
        if (worker == null) {
            streams.remove(s);
            return Optional.empty();
        }
        s.worker = worker;
        worker.start();
        return Optional.of(s);
    }

    /** Puts the event in every open stream's queue; never waits. A stream whose queue is full is ended. */
    public void publish(LiveEvent event) {
        for (Stream s : streams) {
            s.offer(event);
        }
    }

    /** The streams open now (ended ones count until their thread is done). */
    public int size() {
        return streams.size();
    }

    public int maxStreams() {
        return maxStreams;
    }

    /** Ends every stream and refuses new ones (the application stops). */
    public void shutDown() {
        List<Stream> open;
        synchronized (streams) {
            shutDown = true;
            open = List.copyOf(streams);
        }
        if (!open.isEmpty()) {
            LOG.info(() -> "Ending " + open.size() + " event stream(s): the application stops");
        }
        open.forEach(s -> s.end(null));
    }

    /** One client's stream: its queue and its sending thread. */
    public final class Stream {

        private final Sink sink;
        private final BlockingQueue<LiveEvent> queue = new ArrayBlockingQueue<>(queueCapacity);
        private volatile boolean ending;
        private volatile Thread worker;

        private Stream(Sink sink) {
            this.sink = sink;
        }

        private void offer(LiveEvent event) {
            if (!ending && !queue.offer(event)) {
                end("its client fell " + queueCapacity + " events behind");
            }
        }

        /**
         * Asks the sending thread to close the stream and stop (at once when idle, else after its current write).
         * {@code why}: logged; null for none.
         */
        public void end(String why) {
            if (!ending) {
                ending = true;
                if (why != null) {
                    LOG.info(() -> "Event stream ended: " + why);
                }
                Thread w = worker;
                if (w != null) {
                    w.interrupt();
                }
            }
        }

        public boolean isEnding() {
            return ending;
        }

        private void run() {
            try {
                while (!ending) {
                    LiveEvent next = queue.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    if (next != null && !ending) {
                        sink.send(next);
                    }
                }
            } catch (InterruptedException e) {
                // ended: fall through to close
            } catch (Exception e) {
                // the usual end of a stream: the client went away and the write failed
                LOG.fine(() -> "Event stream closed: " + e);
                ending = true;
            } finally {
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Closing an event stream failed", e);
                }
                streams.remove(this);
                queue.clear();
            }
        }
    }
}
