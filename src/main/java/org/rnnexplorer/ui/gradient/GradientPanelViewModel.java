package org.rnnexplorer.ui.gradient;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.chart.GradientChart;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The cell tab's Gradient panel: the gradient chart of the open trace (‖∂L/∂h_t‖ against the steps back: of every
 * layer, one line each, for a model of several layers; of the top layer with the what-if's curve beside it when there
 * is one) and a caption saying what L is. Computed off the JavaFX thread, and only while the panel is shown. For a
 * long (compact) trace, L is at the selected step and the gradient of the top layer is computed over the
 * {@link #windowProperty() window} of steps up to it ({@link WindowGradient}), again at each step.
 */
public final class GradientPanelViewModel implements AutoCloseable {
    private final BooleanProperty wanted = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final LatestWinsExecutor worker;
    private final TraceViewModel trace;
    private final IntegerProperty window = new SimpleIntegerProperty(1000);
    private TraceResult charted;
    private int chartedStep = -1, chartedWindow = -1;

    public GradientPanelViewModel(TraceViewModel trace, Executor applier) {
        this.trace = trace;
        worker = new LatestWinsExecutor("gradient-worker", applier);
        wanted.addListener((o, a, b) -> request());
        trace.resultProperty().addListener((o, a, b) -> request());
        trace.selectionProperty().addListener((o, a, b) -> {
            if (b != null && b.result().isCompact()) request();
        });
        window.addListener((o, a, b) -> request());
    }

    private void request() {
        TraceResult r = trace.result();
        if (wanted.get() && r != null && r.isCompact()) {
            requestWindow(r);
            return;
        }
        if (!wanted.get() || r == null || r == charted) return;
        if (r.steps() == 0) {
            chart.set(null);
            caption.set("no steps");
            return;
        }
        caption.set("computing the gradient over " + r.steps() + " steps…");
        worker.submit(() -> chartOf(r), c -> {
            charted = r;
            chart.set(c);
            caption.set(GradientObjective.defaultFor(r.model()).description()
                    + " — how much of the error at the last step reaches each earlier step"
                    + (r.hasWhatIf() ? "; with the what-if beside it (top layer)"
                    : r.model().layerCount() > 1 ? "; one line per layer" : ""));
        }, e -> caption.set("the gradient could not be computed: " + Messages.oneLine(e)));
    }

    private void requestWindow(TraceResult r) {
        int s = trace.stepProperty().get(), w = Math.max(1, window.get());
        if (r == charted && s == chartedStep && w == chartedWindow) return;
        if (r.completedSteps() <= s) {
            caption.set("waiting for step " + (s + 1) + " to be traced…");
            return;
        }
        caption.set(String.format(Locale.ROOT, "computing the gradient over the %,d steps up to step %,d…", w, s + 1));
        worker.submit(() -> GradientChart.of(WindowGradient.of(r.compact(), s, w)), c -> {
            charted = r;
            chartedStep = s;
            chartedWindow = w;
            chart.set(c);
            int at = WindowGradient.objectiveAt(r.compact(), s).lastStep() + 1;
            caption.set(String.format(Locale.ROOT, "L = %s at step %,d; ‖∂L/∂h_t‖ over the %,d steps up to it (the "
                    + "forward pass re-run from the checkpoints: exact, the same as over the whole input; widen the "
                    + "window to see further back)", r.model().hasHead() ? "the cross-entropy of the next token"
                    : "v · h (v = 1/√H)", at, w));
        }, e -> caption.set("the gradient could not be computed: " + Messages.oneLine(e)));
    }

    /** Steps of the gradient window of a long (compact) trace: 1,000 unless changed. */
    public IntegerProperty windowProperty() { return window; }

    /** The chart of {@code r}, computed on the calling thread. */
    static JFreeChart chartOf(TraceResult r) {
        RnnModel m = r.model();
        InputBatch in = r.input().batch();
        GradientObjective objective = GradientObjective.defaultFor(m);
        String name = GradientCurves.cellName(m.cell());
        if (!r.hasWhatIf() && m.layerCount() > 1) return GradientChart.layers(layerCurves(r, objective, name));
        GradientCurve original = GradientCurves.of(m, in, objective, name);
        if (!r.hasWhatIf()) return GradientChart.of(original);
        Gradients g = new Gradients(m, 1, r.steps()).withInputGradient(false);
        BackwardPass.run(m, r.whatIf(), objective.objectiveFor(m, in), r.whatIfs(), g);
        GradientCurve changed = GradientCurves.from(m, r.whatIf(), g, m.layerCount() - 1, objective.description(),
                name + " with the what-if");
        return GradientChart.compare(List.of(original, changed));
    }

    /** ‖∂L/∂h_t‖ of every layer, bottom first, from one backward pass over the original trace. */
    static List<GradientCurve> layerCurves(TraceResult r, GradientObjective objective, String name) {
        RnnModel m = r.model();
        Gradients g = new Gradients(m, 1, r.steps()).withInputGradient(false);
        BackwardPass.run(m, r.original(), objective.objectiveFor(m, r.input().batch()), List.of(), g);
        List<GradientCurve> curves = new java.util.ArrayList<>();
        for (int l = 0; l < m.layerCount(); l++)
            curves.add(GradientCurves.from(m, r.original(), g, l, objective.description(), name + ", layer " + (l + 1)
                    + (l == m.layerCount() - 1 ? " (top)" : "")));
        return curves;
    }

    /** Whether a view shows the chart (it is computed only then). */
    public BooleanProperty wantedProperty() { return wanted; }

    /** The full-size chart (the panel shows a compact copy; exports take this one); null until computed. */
    public ReadOnlyObjectProperty<JFreeChart> chartProperty() { return chart.getReadOnlyProperty(); }

    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }

    @Override
    public void close() {
        worker.close();
    }
}
