package org.rnnexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs jobs on one background thread where only the latest request counts: a job that is no longer the latest when
 * its turn comes is skipped, and a result (or error) that is no longer the latest when it is finished is dropped.
 * Finished results are handed to {@code applier} (the JavaFX thread in the window, a queue in tests), which only
 * applies them.
 */
public final class LatestWinsExecutor implements AutoCloseable {
    private final ExecutorService worker;
    private final Executor applier;
    private final AtomicLong latest = new AtomicLong();

    /** Latest-wins on a thread of its own, called {@code threadName}. */
    public LatestWinsExecutor(String threadName, Executor applier) {
        this(DaemonThreads.single(threadName), applier);
    }

    /** Latest-wins over a worker shared with others (its own requests only compete with each other). */
    public LatestWinsExecutor(ExecutorService worker, Executor applier) {
        this.applier = applier;
        this.worker = worker;
    }

    /** Submits a job; {@code onResult} or {@code onError} runs on the applier if it is still the latest request. */
    public <R> void submit(Supplier<R> job, Consumer<R> onResult, Consumer<RuntimeException> onError) {
        long id = latest.incrementAndGet();
        worker.execute(() -> {
            if (id != latest.get()) return;
            R r;
            try {
                r = job.get();
            } catch (RuntimeException e) {
                applier.execute(() -> {
                    if (id == latest.get()) onError.accept(e);
                });
                return;
            }
            if (id != latest.get()) return;
            applier.execute(() -> {
                if (id == latest.get()) onResult.accept(r);
            });
        });
    }

    /** Makes every request so far outdated: nothing of theirs is applied any more. */
    public void cancel() {
        latest.incrementAndGet();
    }

    /** Stops the worker thread (a shared worker too). */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
