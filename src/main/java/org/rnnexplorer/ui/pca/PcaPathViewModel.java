package org.rnnexplorer.ui.pca;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.rnnexplorer.analysis.HiddenStatePca;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The path of the hidden state in its first two principal components ({@link HiddenStatePca}, EJML's SVD of the
 * centred h_0..h_{T−1} of the selected layer): computed off the JavaFX thread when the trace or the layer changes,
 * and only while a view shows it; the marked point follows the step.
 */
public final class PcaPathViewModel implements AutoCloseable {
    /** A path and what it was computed from. */
    public record Path(TraceResult result, int layer, HiddenStatePca pca) {
    }

    private final TraceViewModel trace;
    private final LatestWinsExecutor worker;
    private final BooleanProperty wanted = new SimpleBooleanProperty(this, "wanted", false);
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");

    public PcaPathViewModel(TraceViewModel trace, Executor applier) {
        this.trace = trace;
        worker = new LatestWinsExecutor("pca-path", applier);
        wanted.addListener((o, a, b) -> request());
        trace.resultProperty().addListener((o, a, b) -> request());
        trace.layerProperty().addListener((o, a, b) -> request());
        trace.stepProperty().addListener((o, a, b) -> step.set(b.intValue()));
        step.set(trace.stepProperty().get());
    }

    private void request() {
        TraceResult r = trace.result();
        int layer = trace.layerProperty().get();
        Path p = path.get();
        if (!wanted.get() || r == null || (p != null && p.result() == r && p.layer() == layer)) return;
        if (r.steps() < 2) {
            path.set(null);
            caption.set("The path needs at least two steps.");
            return;
        }
        worker.submit(() -> new Path(r, layer, HiddenStatePca.of(r.original(), Math.min(layer,
                r.original().layerCount() - 1), 2)), done -> {
            path.set(done);
            double[] e = done.pca().explained();
            caption.set(String.format(Locale.ROOT, "h of layer %d over the %d steps, projected on its first two "
                    + "principal components (%.0f %% and %.0f %% of the variance); the ring is the step shown",
                    done.layer() + 1, r.steps(), 100 * e[0], 100 * (e.length > 1 ? e[1] : 0)));
        }, e -> caption.set("the path could not be computed: " + Messages.oneLine(e)));
    }

    /** (PC1, PC2) of the step shown, or null before a path. */
    public double[] marker() {
        Path p = path.get();
        if (p == null) return null;
        double[][] pts = p.pca().path();
        return pts[Math.max(0, Math.min(step.get(), pts.length - 1))];
    }

    /** Whether a view shows the path (it is computed only then). */
    public BooleanProperty wantedProperty() { return wanted; }
    public ReadOnlyObjectProperty<Path> pathProperty() { return path.getReadOnlyProperty(); }
    /** The step marked (the trace's step). */
    public ReadOnlyIntegerProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }

    @Override
    public void close() {
        worker.close();
    }
}
