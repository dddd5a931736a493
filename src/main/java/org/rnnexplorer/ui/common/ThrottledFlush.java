package org.rnnexplorer.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Hands queued work to the UI at most a given number of times a second. {@link #request()}, from any thread, runs
 * the flush on the UI executor at once if the last one is old enough, else once, a little later; the requests in
 * between fold into that one. The flush drains whatever was queued before it started, so nothing queued is lost: a
 * request that comes while it runs gets a flush of its own.
 */
public final class ThrottledFlush {
    private final Executor ui;
    private final Runnable flush;
    private final long intervalNanos;
    private boolean scheduled;
    private long last;

    /** {@code flush} runs on {@code ui}, at most {@code perSecond} times a second. */
    public ThrottledFlush(Executor ui, int perSecond, Runnable flush) {
        if (perSecond < 1) throw new IllegalArgumentException("perSecond must be at least 1");
        this.ui = ui;
        this.flush = flush;
        intervalNanos = 1_000_000_000L / perSecond;
        last = System.nanoTime() - intervalNanos;
    }

    /** Asks for a flush: now, or at the end of the current interval. */
    public void request() {
        long wait;
        synchronized (this) {
            if (scheduled) return;
            scheduled = true;
            wait = intervalNanos - (System.nanoTime() - last);
        }
        Executor when = wait <= 0 ? ui : CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, ui);
        when.execute(this::run);
    }

    /** Runs the flush now, on the calling (UI) thread, e.g. once more when the work has ended. */
    public void now() {
        run();
    }

    private void run() {
        synchronized (this) {
            scheduled = false;
            last = System.nanoTime();
        }
        flush.run();
    }
}
