package org.rnnexplorer.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs jobs on one background thread where only the latest request counts: a job that is no longer the latest when
 * its turn comes is skipped, and a result that is no longer the latest when it is finished is dropped. Finished
 * results are handed to {@code applier} (the JavaFX thread in the window), which only applies them.
 */
public final class LatestWinsExecutor implements AutoCloseable {
    private final ExecutorService worker;
    private final Executor applier;
    private final AtomicLong latest = new AtomicLong();

    public LatestWinsExecutor(String threadName, Executor applier) {
        this(singleThread(threadName), applier);
    }

    /** Latest-wins over a worker shared with others (its own requests only compete with each other). */
    public LatestWinsExecutor(ExecutorService worker, Executor applier) {
        this.applier = applier;
        this.worker = worker;
    }

    /** One low-priority daemon thread. */
    public static ExecutorService singleThread(String threadName) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
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

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
