package org.coloc.intake.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a piece of work for every item of a list, at most {@code parallelism} at once, each with a time budget
 * counted from its own start. An item over budget is given up: its answer is the fallback, its slot goes to
 * the next item, and its thread (interrupted, but parsing does not look at interrupts) finishes on its own.
 * So a pathological input costs one thread for a while, never the batch.
 */
final class ParseDeadline<T, R> {

    /** Threads live only while there is work (idle ones end after 30 s); daemons, so they never hold a stop. */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "coloc-parse-" + Counter.NEXT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private static final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int GIVEN_UP = 2;

    private final long budgetNanos;
    private final int parallelism;

    ParseDeadline(Duration budget, int parallelism) {
        this.budgetNanos = budget.toNanos();
        this.parallelism = Math.max(1, parallelism);
    }

    List<R> map(List<T> items, Function<T, R> work, Function<T, R> overBudget) {
        int n = items.size();
        List<R> results = new ArrayList<>(java.util.Collections.nCopies(n, null));
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        AtomicInteger[] states = new AtomicInteger[n];
        long[] started = new long[n];
        Future<?>[] futures = new Future<?>[n];
        List<Integer> running = new ArrayList<>();
        int next = 0;
        int settled = 0;
        while (settled < n) {
            while (next < n && running.size() < parallelism) {
                int i = next++;
                states[i] = new AtomicInteger(RUNNING);
                started[i] = System.nanoTime();
                running.add(i);
                futures[i] = WORKERS.submit(() -> {
                    R r = work.apply(items.get(i));
                    if (states[i].compareAndSet(RUNNING, DONE)) {
                        results.set(i, r);
                        finished.add(i);
                    }
                });
            }
            long now = System.nanoTime();
            long wait = Long.MAX_VALUE;
            for (int k = running.size() - 1; k >= 0; k--) {
                int i = running.get(k);
                long left = started[i] + budgetNanos - now;
                if (states[i].get() == DONE) {
                    continue;
                }
                if (left <= 0 && states[i].compareAndSet(RUNNING, GIVEN_UP)) {
                    futures[i].cancel(true);
                    results.set(i, overBudget.apply(items.get(i)));
                    running.remove(k);
                    settled++;
                } else {
                    wait = Math.min(wait, left);
                }
            }
            if (settled == n || (next < n && running.size() < parallelism)) {
                continue;
            }
            Integer done;
            try {
                done = finished.poll(Math.max(1, Math.min(wait, TimeUnit.SECONDS.toNanos(1))), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing a batch", e);
            }
            while (done != null) {
                running.remove(done);
                settled++;
                done = finished.poll();
            }
        }
        return results;
    }
}
