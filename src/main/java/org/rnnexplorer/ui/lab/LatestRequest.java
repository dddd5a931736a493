package org.rnnexplorer.ui.lab;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs heavy work off the JavaFX thread, latest request wins: a request made while an older one is queued or running
 * makes the older one's result be dropped (a queued one is skipped without running), and only the newest finished
 * result is handed to {@code apply} on the {@code ui} executor (the FX thread in the app, a plain executor in tests).
 */
public final class LatestRequest {
    private final ExecutorService worker;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();

    public LatestRequest(String threadName, Executor ui) {
        this.ui = ui;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules {@code work}; its result goes to {@code apply}, or its exception to {@code fail}, unless outdated. */
    public <T> void submit(Supplier<T> work, Consumer<T> apply, Consumer<RuntimeException> fail) {
        long mine = generation.incrementAndGet();
        worker.execute(() -> {
            if (generation.get() != mine) return;
            try {
                T result = work.get();
                ui.execute(() -> {
                    if (generation.get() == mine) apply.accept(result);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (generation.get() == mine) fail.accept(e);
                });
            }
        });
    }

    /** Whether no newer request than the one running can still arrive at {@code apply}: for tests and shutdown. */
    public long generation() {
        return generation.get();
    }

    public void shutdown() {
        worker.shutdownNow();
    }
}
