package org.rnnexplorer.ui.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rnnexplorer.io.NpzWriter;
import org.rnnexplorer.io.TraceNpz;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.StepObjective;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * Export &gt; Trace as NPZ: the open input's whole trace (states, gates, the gradients of the model's loss by
 * checkpointed BPTT, probabilities, tokens) written by {@link TraceNpz} as numpy's {@code .npz}, float32, on a
 * background thread, atomically (TraceNpz writes a temporary file beside it and moves it in place). TraceNpz tells no
 * progress, so the status says how long it has been writing, every half second, and what it wrote at the end.
 */
public final class TraceNpzExport implements AutoCloseable {
    private final DialogService dialogs;
    private final Executor applier;
    private final ScheduledExecutorService thread = Executors.newScheduledThreadPool(1, DaemonThreads.named("npz-export"));
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>();

    public TraceNpzExport(DialogService dialogs, Executor applier) {
        this.dialogs = dialogs;
        this.applier = applier;
    }

    /** Asks for the file, then writes the trace of {@code r} there (nothing when one is being written already). */
    public void chooseAndWrite(TraceResult r) {
        if (r == null || r.steps() == 0 || running.get()) return;
        Path file = dialogs.chooseFileToSave("Save the trace as NPZ (numpy)", "trace.npz", "npz");
        if (file != null) write(r, file);
    }

    /** Writes the trace of {@code r} to {@code file} off this thread. */
    public void write(TraceResult r, Path file) {
        RnnModel m = r.model();
        int[] ids = r.input().ids();
        StepObjective objective;
        String description;
        if (m.hasHead() && !m.isClassifier() && ids != null && ids.length >= 2) {
            objective = StepObjective.nextTokenEveryStep(ids);
            description = "L = " + objective.describe() + " (the model's own loss)";
        } else {
            double[] ones = new double[m.hiddenSize()];
            Arrays.fill(ones, 1.0);
            objective = StepObjective.dotAt(ones, r.steps() - 1);
            description = "L = sum of the top layer's h at the last step, dot(1, h[T-1])";
        }
        List<String> tokens = m.takesTokens() ? r.input().tokens() : null;
        Runtime rt = Runtime.getRuntime();
        long need = TraceNpz.bytesFor(m, r.steps()), free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            dialogs.showError("Could not write " + file.getFileName(), String.format(Locale.ROOT, "%s: writing %,d steps "
                    + "needs about %d MB and %d MB are free; give Java more memory (-Xmx)", file, r.steps(), need >> 20,
                    free >> 20));
            return;
        }
        running.set(true);
        long t0 = System.nanoTime();
        String name = file.getFileName().toString();
        status.set("writing " + name + "…");
        ScheduledFuture<?> clock = thread.scheduleAtFixedRate(() -> applier.execute(() -> {
            if (running.get()) status.set(String.format(Locale.ROOT, "writing %s (%,d steps)… %.0f s", name, r.steps(),
                    (System.nanoTime() - t0) / 1e9));
        }), 500, 500, TimeUnit.MILLISECONDS);
        DaemonThreads.start("npz-writer", () -> {
            String done;
            boolean ok = false;
            try {
                TraceNpz.write(file, m, r.input().batch(), List.of(), tokens, objective, description, NpzWriter.Dtype.FLOAT32);
                done = String.format(Locale.ROOT, "wrote %s: %,d steps in %.1f s", name, r.steps(), (System.nanoTime() - t0) / 1e9);
                ok = true;
            } catch (RuntimeException e) {
                done = "";
                String message = Messages.oneLine(e);
                applier.execute(() -> dialogs.showError("Could not write " + name, message));
            }
            clock.cancel(false);
            String text = done;
            boolean written = ok;
            applier.execute(() -> {
                running.set(false);
                status.set(text);
                if (written) {
                    lastWritten.set(null);
                    lastWritten.set(file);
                }
            });
        });
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** "writing trace.npz (200,000 steps)… 12 s", then "wrote trace.npz: 200,000 steps in 41.2 s" ("" before). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** The file last written (set again for each file). */
    public ReadOnlyObjectProperty<Path> lastWrittenProperty() { return lastWritten.getReadOnlyProperty(); }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
