package org.rnnexplorer.ui.safety;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.rnnexplorer.ui.common.DaemonThreads;

/**
 * Keeps the recovery file up to date: every {@link #PERIOD} the parts' work is captured on the JavaFX thread and
 * saved on a writer thread of its own (only when it changed; see {@link RecoveryStore#save}). {@link #saveNow} does
 * the same at once (after the work was saved or restored); {@link #close} is the clean exit: the ticks stop and the
 * file is removed. The timer is a {@link Ticker}, so tests turn it by hand and never wait 30 s.
 */
public final class RecoveryScheduler implements AutoCloseable {
    public static final Duration PERIOD = Duration.ofSeconds(30);
    private final RecoveryStore store;
    private final Executor ui;
    private final ExecutorService writer;
    private Runnable stopTicks;
    private volatile boolean closed;

    /** Saves on a daemon thread of its own; {@code ui} is the JavaFX thread (a queue in tests). */
    public RecoveryScheduler(RecoveryStore store, Executor ui) {
        this(store, ui, DaemonThreads.single("recovery-writer"));
    }

    RecoveryScheduler(RecoveryStore store, Executor ui, ExecutorService writer) {
        this.store = store;
        this.ui = ui;
        this.writer = writer;
    }

    /** Starts the ticks: one every {@code period} (the app: {@link #PERIOD}). */
    public synchronized void start(Ticker ticker, Duration period) {
        if (stopTicks != null || closed) return;
        stopTicks = ticker.every(period, this::saveNow);
    }

    /** Captures the work on the JavaFX thread, then saves it on the writer thread (from any thread). */
    public void saveNow() {
        if (closed) return;
        try {
            ui.execute(() -> {
                if (closed) return;
                Map<String, Supplier<String>> captured = store.capture();
                writer.execute(() -> {
                    if (!closed) save(captured);
                });
            });
        } catch (RuntimeException stopped) {
            // the JavaFX thread or the writer is gone: the app is on its way out
        }
    }

    private void save(Map<String, Supplier<String>> captured) {
        try {
            store.save(captured);
        } catch (RuntimeException e) {
            // a full disk or a read-only home: the work stays in memory and the next tick tries again
        }
    }

    /** The clean exit: no more ticks, and the recovery file is removed once any save under way has finished. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (stopTicks != null) stopTicks.run();
        try {
            writer.execute(store::remove);
        } catch (RuntimeException alreadyStopped) {
            store.remove();
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS); // a save under way, then the removal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
