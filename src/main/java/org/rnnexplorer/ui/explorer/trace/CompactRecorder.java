package org.rnnexplorer.ui.explorer.trace;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.ui.common.DaemonThreads;

/**
 * Fills a {@link CompactTrace} on a background thread of its own, a chunk of steps at a time, and tells the JavaFX
 * thread how far it got (at most ten times a second, and at the end): the share done, the steps so far and the steps
 * per second, so that a progress bar can show them and the heatmaps can draw what is done. One trace at a time:
 * starting another cancels the one running; {@link #cancel()} stops it at the end of its chunk, and what is done
 * stays readable.
 */
public final class CompactRecorder implements AutoCloseable {
    private static final long POST_EVERY_NANOS = 100_000_000L;
    private final ExecutorService thread = DaemonThreads.single("trace-recorder");
    private final Executor applier;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private CompactTrace current;

    CompactRecorder(Executor applier) {
        this.applier = applier;
    }

    /** Starts filling {@code trace} (call on the applier's thread); a trace still being filled is cancelled. */
    void start(CompactTrace trace) {
        cancel();
        current = trace;
        running.set(true);
        progress.set(0);
        completed.set(0);
        status.set(String.format(Locale.ROOT, "tracing %,d steps…", trace.steps()));
        long t0 = System.nanoTime();
        thread.execute(() -> {
            long[] last = {t0};
            try {
                trace.record(done -> {
                    long now = System.nanoTime();
                    if (now - last[0] < POST_EVERY_NANOS) return;
                    last[0] = now;
                    applier.execute(() -> update(trace, (int) done, now - t0));
                });
            } catch (RuntimeException e) {
                applier.execute(() -> finish(trace, System.nanoTime() - t0, e.getMessage()));
                return;
            }
            long took = System.nanoTime() - t0;
            applier.execute(() -> finish(trace, took, null));
        });
    }

    /** Stops the trace being filled at the end of its chunk (nothing when none is). */
    public void cancel() {
        if (current != null && !current.isComplete()) current.cancel();
    }

    /** Forgets the trace (it is no longer shown); it stops if it is still being filled. */
    void drop() {
        cancel();
        current = null;
        running.set(false);
        status.set("");
    }

    private void update(CompactTrace t, int done, long nanos) {
        if (t != current || !running.get()) return;
        progress.set((double) done / t.steps());
        completed.set(done);
        status.set(String.format(Locale.ROOT, "traced %,d of %,d steps · %,.0f steps/s", done, t.steps(),
                done / (nanos / 1e9)));
    }

    private void finish(CompactTrace t, long nanos, String error) {
        if (t != current) return;
        int done = t.completedSteps();
        running.set(false);
        progress.set((double) done / Math.max(1, t.steps()));
        completed.set(done);
        double s = nanos / 1e9;
        if (error != null) status.set("the trace stopped after " + String.format(Locale.ROOT, "%,d", done) + " steps: " + error);
        else if (t.isComplete()) status.set(String.format(Locale.ROOT, "traced %,d steps in %.1f s (%,.0f steps/s), "
                + "kept compact", done, s, done / s));
        else status.set(String.format(Locale.ROOT, "cancelled after %,d of %,d steps (%,.0f steps/s); the steps done "
                + "are shown", done, t.steps(), done / s));
    }

    /** A trace is being filled. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The share of the steps done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** The steps done, as last told (the heatmaps redraw when it changes). */
    public ReadOnlyIntegerProperty completedProperty() { return completed.getReadOnlyProperty(); }

    /** "traced 12,800 of 200,000 steps · 7,100 steps/s", "cancelled after …", or "" for a full trace. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    @Override
    public void close() {
        cancel();
        thread.shutdownNow();
    }
}
