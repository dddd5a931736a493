package org.rnnexplorer.ui.connect;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * Connectivity of the hovered step (Madsen, Distill 2019): when the mouse rests on step s of the input, how much the
 * prediction after s depends on each earlier input, c_{s,t} = ‖∂f_s/∂x_t‖₂ for t = 0..s ({@link Connectivity#atStep},
 * f_s the model's default target: the logit of the token it predicts, a series model's output, or the sum of h).
 * Computed off the JavaFX thread through a {@link LatestWinsExecutor}: moving fast over the chips never queues work,
 * only the step under the mouse when the worker is free is computed, and only the latest is shown.
 */
public final class ConnectivityViewModel implements AutoCloseable {
    /**
     * What is lit: the row of one hovered step of one trace, and the scale of its colours, the largest c_{s,t} over
     * the earlier inputs t < s (the step's own input, usually the largest by far, would pale all the others; it is
     * shown at full colour when it exceeds the scale).
     */
    public record Lit(TraceResult result, Connectivity.Row row, double max) {
        /** min(1, c_{s,t} / max). */
        public double relative(int t) {
            return max > 0 ? Math.min(1, row.norms()[t] / max) : 0;
        }
    }

    private final TraceViewModel trace;
    private final LatestWinsExecutor worker;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final IntegerProperty hovered = new SimpleIntegerProperty(this, "hovered", -1);
    private final ReadOnlyObjectWrapper<Lit> lit = new ReadOnlyObjectWrapper<>(this, "lit");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final AtomicInteger computed = new AtomicInteger();

    public ConnectivityViewModel(TraceViewModel trace, Executor applier) {
        this.trace = trace;
        worker = new LatestWinsExecutor("connectivity", applier);
        hovered.addListener((o, a, b) -> request());
        enabled.addListener((o, a, b) -> request());
        trace.resultProperty().addListener((o, a, b) -> request());
    }

    private void request() {
        TraceResult r = trace.result();
        int s = hovered.get();
        if (!enabled.get() || r == null || s < 0 || s >= r.steps()) {
            worker.cancel();
            lit.set(null);
            caption.set(enabled.get() && r != null && r.steps() > 0
                    ? "Hover a chip: the earlier chips light by how much its prediction depends on them" : "");
            return;
        }
        RnnModel m = r.model();
        PredictionTarget target = PredictionTarget.defaultFor(m);
        worker.submit(() -> {
            computed.incrementAndGet();
            Connectivity.Row row = Connectivity.atStep(m, r.input().batch(), s, target);
            return new Lit(r, row, scale(row.norms()));
        }, l -> {
            lit.set(l);
            caption.set(describe(l));
        }, e -> {
            lit.set(null);
            caption.set("connectivity could not be computed: " + Messages.oneLine(e));
        });
    }

    /** The largest of {@code norms[0..s−1]} (the earlier inputs), or {@code norms[s]} when there is none. */
    static double scale(double[] norms) {
        int s = norms.length - 1;
        double max = 0;
        for (int t = 0; t < s; t++) max = Math.max(max, norms[t]);
        return s == 0 || max == 0 ? norms[s] : max;
    }

    private static String describe(Lit l) {
        Connectivity.Row row = l.row();
        int s = row.step(), best = 0;
        for (int t = 0; t < s; t++) if (row.norms()[t] > row.norms()[best]) best = t;
        java.util.List<String> tokens = l.result().input().tokens();
        String what = switch (row.target()) {
            case PREDICTED_TOKEN -> "→ '" + TokenLabels.visible(tokenName(l.result().model(), row.token())) + "': ‖∂z/∂x_t‖";
            case OUTPUT -> "output: ‖∂y/∂x_t‖";
            default -> "sum of h: ‖∂f/∂x_t‖";
        };
        String earlier = s == 0 ? "" : String.format(Locale.ROOT, "; earlier, most on step %d '%s' %s", best + 1,
                TokenLabels.visible(tokens.get(best)), text(row.norms()[best]));
        return String.format(Locale.ROOT, "Step %d %s: own input %s%s%s", s + 1, what,
                text(row.norms()[s]), earlier, l.result().hasWhatIf() ? " (without the what-ifs)" : "");
    }

    /** A norm in at most 7 characters: "0.032", "1.27", "15.5", "9.0e-10". */
    static String text(double v) {
        if (v == 0) return "0";
        if (v >= 0.001 && v < 1000) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.1e", v).replace("e-0", "e-").replace("e+0", "e");
    }

    private static String tokenName(RnnModel m, int k) {
        java.util.List<String> names = m.isClassifier() ? m.labels() : m.vocabulary();
        return k >= 0 && k < names.size() ? names.get(k) : "#" + k;
    }

    /** Whether hovering lights the chips. */
    public BooleanProperty enabledProperty() { return enabled; }
    /** The step under the mouse, −1 for none. */
    public IntegerProperty hoveredProperty() { return hovered; }
    /** The row shown, null when nothing is lit. */
    public ReadOnlyObjectProperty<Lit> litProperty() { return lit.getReadOnlyProperty(); }
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }

    /** How many rows the worker has computed (not skipped as outdated): fewer than the hovers when they come fast. */
    public int computedCount() {
        return computed.get();
    }

    @Override
    public void close() {
        worker.close();
    }
}
