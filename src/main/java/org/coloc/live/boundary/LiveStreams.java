package org.coloc.live.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.live.control.EventStreams;
import org.coloc.live.control.LiveEvent;
import org.coloc.live.control.LiveSettings;

/**
 * The open event streams of the application ({@link EventStreams} on the container's threads) and their keep-alive:
 * a comment line every {@value #KEEP_ALIVE_SECONDS} s on every stream, so that a proxy does not close an idle one and
 * a client that went away is noticed (its write fails). Everything stops when the application does.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());
    /** Below the 30 to 60 s after which proxies commonly close an idle connection. */
    static final long KEEP_ALIVE_SECONDS = 25;
    /** Events waiting for one client: a few batches of 200 mails (about 2 events each). */
    static final int QUEUE_CAPACITY = 2000;
    /** Longest wait for one write to a client before its stream is given up. */
    static final long WRITE_TIMEOUT_SECONDS = 60;

    @Inject
    LiveSettings settings;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private EventStreams streams;
    private ScheduledFuture<?> keepAlive;

    @PostConstruct
    void start() {
        streams = new EventStreams(settings.maxEventStreams(), QUEUE_CAPACITY, threads);
        keepAlive = scheduler.scheduleAtFixedRate(() -> streams.publish(LiveEvent.comment("keep-alive")),
                KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (streams != null) {
            streams.shutDown();
        }
    }

    /** Opens a stream to this client; false when all are in use (the client is refused, the sink untouched). */
    public boolean open(SseEventSink sink, Sse sse) {
        return streams.open(new Client(sink, sse), LiveEvent.comment("connected")).isPresent();
    }

    /** Sends the event to every open stream, without waiting for any client. */
    public void publish(LiveEvent event) {
        streams.publish(event);
    }

    public int maxStreams() {
        return streams.maxStreams();
    }

    /** One client's JAX-RS sink. Jersey writes on the calling thread: the stream's own thread, never a sender's. */
    private record Client(SseEventSink sink, Sse sse) implements EventStreams.Sink {

        @Override
        public void send(LiveEvent event) throws Exception {
            if (sink.isClosed()) {
                throw new IOException("closed");
            }
            OutboundSseEvent out = event.comment() ? sse.newEventBuilder().comment(event.data()).build()
                    // text/plain (the default): the data is already JSON, written as it is
                    : sse.newEventBuilder().name(event.name()).data(event.data()).build();
            Object result = sink.send(out).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Jersey answers a failed write with a stage completed with the exception, not a failed stage
            if (result instanceof Throwable t) {
                throw new IOException(t);
            }
        }

        @Override
        public void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing an event sink failed", e);
            }
        }
    }
}
