package org.rnnexplorer.ui.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.data.tasks.TaskShape;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.train.RaceResult;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.strip.Prediction;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The step-through after a race: one fresh sequence of the race's task (drawn from a seed of its own, so none of
 * the training batches), traced through the three trained models off the JavaFX thread; one step shared by all
 * three; and each model can be opened in the cell tab on the same input at the same step ({@link RaceModelChosen}).
 */
public final class RaceReplayViewModel implements AutoCloseable {
    /** Added to the race's seed for the sequence stepped through. */
    static final long REPLAY_SEED_OFFSET = 1_000_003;

    private final LatestWinsExecutor worker;
    private final EventBus events;
    private final ReadOnlyObjectWrapper<RaceReplay> replay = new ReadOnlyObjectWrapper<>(this, "replay");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper(this, "stepLabel", "");
    private final IntegerProperty hovered = new SimpleIntegerProperty(this, "hovered", -1);
    private final ReadOnlyObjectWrapper<Map<CellType, Connectivity.Row>> connections =
            new ReadOnlyObjectWrapper<>(this, "connections");
    private final LatestWinsExecutor connector;

    public RaceReplayViewModel(Executor applier, EventBus events) {
        this.events = events;
        worker = new LatestWinsExecutor("race-replay", applier);
        connector = new LatestWinsExecutor("race-connectivity", applier);
        hovered.addListener((o, a, b) -> connect());
        step.addListener((o, a, b) -> {
            RaceReplay r = replay.get();
            int clamped = r == null ? 0 : Math.max(0, Math.min(b.intValue(), r.steps() - 1));
            if (clamped != b.intValue()) step.set(clamped);
            else relabel();
        });
    }

    /** Draws a sequence of {@code task} and traces it through the race's models (off this thread). */
    public void show(RaceResult result, Task task, long seed) {
        Map<CellType, RnnModel> models = new LinkedHashMap<>();
        for (CellType c : RaceViewModel.CELLS) models.put(c, result.of(c).model());
        worker.submit(() -> build(models, task, seed), r -> {
            connections.set(null);
            replay.set(r);
            step.set(0);
            relabel();
        }, e -> stepLabel.set("the step-through could not be made: " + Messages.oneLine(e)));
    }

    /** The replay of {@code models} over one sequence of {@code task} drawn from {@code seed + offset}. */
    static RaceReplay build(Map<CellType, RnnModel> models, Task task, long seed) {
        TaskBatch b = task.sample(new Random(seed + REPLAY_SEED_OFFSET), 1);
        TaskShape shape = task.shape();
        StringBuilder text = new StringBuilder();
        List<String> targets = new ArrayList<>();
        for (int t = 0; t < b.steps(); t++) {
            if (b.isTokens()) {
                if (t > 0 && "word".equals(shape.tokenizer())) text.append(' ');
                text.append(shape.vocabulary().get(b.tokens()[0][t]));
            } else {
                double[] x = b.vectors()[0][t];
                for (int j = 0; j < x.length; j++) text.append(j > 0 ? ", " : "").append(Double.toString(x[j]));
                text.append('\n');
            }
            targets.add(target(b, shape, t));
        }
        Map<CellType, TraceResult> traces = new LinkedHashMap<>();
        for (Map.Entry<CellType, RnnModel> e : models.entrySet())
            traces.put(e.getKey(), TraceViewModel.compute(e.getValue(), text.toString(), List.of()));
        return new RaceReplay(text.toString(), List.copyOf(targets), shape.regression(), traces);
    }

    private static String target(TaskBatch b, TaskShape shape, int t) {
        if (b.isRegression()) {
            double[] y = b.valueTargets()[0][t];
            return y == null ? "" : Num.f(y[0]);
        }
        int k = b.classTargets()[0][t];
        if (k < 0) return "";
        return shape.vocabulary() != null && k < shape.vocabulary().size()
                ? TokenLabels.visible(shape.vocabulary().get(k)) : "#" + k;
    }

    /** What {@code cell}'s readout says after step t: its likeliest token and probability, or the number. */
    public String prediction(CellType cell, int t) {
        RaceReplay r = replay.get();
        TraceResult tr = r.traces().get(cell);
        Trace trace = tr.original();
        if (trace == null || !trace.hasReadout()) return "";
        if (r.regression()) return Num.f(trace.logits(t).data[0]);
        Prediction p = Prediction.top(tr.model(), trace, t, 1).get(0);
        return TokenLabels.visible(p.token()) + " " + Num.percent(p.probability());
    }

    /** The likeliest token alone (or the number), for a chip. */
    public String predictedToken(CellType cell, int t) {
        String p = prediction(cell, t);
        RaceReplay r = replay.get();
        return r.regression() || p.isEmpty() ? p : p.substring(0, p.lastIndexOf(' '));
    }

    /** h of {@code cell}'s top layer after step t. */
    public double[] hidden(CellType cell, int t) {
        Trace trace = replay.get().traces().get(cell).original();
        double[] h = new double[trace.hiddenSize()];
        System.arraycopy(trace.top().h[t].data, 0, h, 0, h.length);
        return h;
    }

    /**
     * The three cells compared: for the hovered step s, each model's c_{s,t} = ‖∂f_s/∂x_t‖ over the earlier inputs
     * ({@link Connectivity#atStep}, its default target), off this thread, the latest hover winning.
     */
    private void connect() {
        RaceReplay r = replay.get();
        int s = hovered.get();
        if (r == null || s < 0 || s >= r.steps()) {
            connector.cancel();
            connections.set(null);
            return;
        }
        connector.submit(() -> {
            Map<CellType, Connectivity.Row> rows = new LinkedHashMap<>();
            for (Map.Entry<CellType, TraceResult> e : r.traces().entrySet()) {
                RnnModel m = e.getValue().model();
                rows.put(e.getKey(), Connectivity.atStep(m, e.getValue().input().batch(), s,
                        PredictionTarget.defaultFor(m)));
            }
            return rows;
        }, connections::set, e -> connections.set(null));
    }

    public void next() {
        step.set(step.get() + 1);
    }

    public void previous() {
        step.set(step.get() - 1);
    }

    /** Opens {@code cell}'s model in the cell tab on the replay's input, at the step shown. */
    public void openInCellTab(CellType cell) {
        RaceReplay r = replay.get();
        if (r == null) return;
        RnnModel m = r.traces().get(cell).model();
        String text = r.text();
        int t = step.get();
        events.publish(new RaceModelChosen(() -> new Opening(new ModelSource.Trained(m), text, List.of(), 0, 0, t,
                TraceViewModel.compute(m, text, List.of()))));
    }

    private void relabel() {
        RaceReplay r = replay.get();
        if (r == null) return;
        int t = step.get();
        String token = r.traces().values().iterator().next().input().tokens().get(t);
        String target = r.targets().get(t);
        stepLabel.set(String.format(Locale.ROOT, "step %d of %d: '%s'%s", t + 1, r.steps(), TokenLabels.visible(token),
                target.isEmpty() ? " (not scored here)" : ", the task wants " + target));
    }

    public ReadOnlyObjectProperty<RaceReplay> replayProperty() { return replay.getReadOnlyProperty(); }
    /** The step all three show (kept inside the input). */
    public IntegerProperty stepProperty() { return step; }
    public ReadOnlyStringProperty stepLabelProperty() { return stepLabel.getReadOnlyProperty(); }
    /** The step under the mouse in the rows, −1 for none. */
    public IntegerProperty hoveredProperty() { return hovered; }
    /** Each cell's connectivity of the hovered step, null when none is hovered. */
    public ReadOnlyObjectProperty<Map<CellType, Connectivity.Row>> connectionsProperty() {
        return connections.getReadOnlyProperty();
    }

    @Override
    public void close() {
        worker.close();
        connector.close();
    }
}
