package org.rnnexplorer.ui.explorer.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;

/**
 * The open model, its input and its trace, and what is selected in it: the step, layer and unit, and the what-ifs
 * (interventions traced beside the original). Every change of model, input or what-if is traced on a background
 * thread, the latest request winning; only the finished result is applied, on the thread the applier runs on (the
 * JavaFX thread in the window, a queue in tests). This is the state the cell tab's views and the other view models
 * share; nothing here touches a scene graph.
 *
 * <p>An input whose full trace would take more than {@link #fullTraceBudget()} bytes ({@link Trace#bytesFor}) is
 * kept in a {@link CompactTrace} instead, filled chunk by chunk by the {@link CompactRecorder} after it is shown (a
 * progress bar, Cancel); the selected step's numbers are then recomputed in float64 from the checkpoint before it
 * ({@link CompactTrace#exact}) on another background thread, and the selection is set when they are there.
 */
public final class TraceViewModel implements AutoCloseable {
    private final LatestWinsExecutor worker;
    private final LatestWinsExecutor inputReader;
    private final LatestWinsExecutor exactWorker;
    private final CompactRecorder recorder;
    private final DialogService dialogs;
    private long budget = defaultBudget();

    private final ReadOnlyObjectWrapper<ModelSource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RnnModel> model = new ReadOnlyObjectWrapper<>();
    private final StringProperty inputText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TraceResult> result = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ObservableList<Intervention> whatIfs = FXCollections.observableArrayList();
    private final BooleanProperty showWhatIf = new SimpleBooleanProperty(false);
    private final StringProperty hoverText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Opening> opened = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unitLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unknownSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper("");

    /** An opening not applied yet: a change of the input meanwhile traces it again rather than dropping it. */
    private Pending pending;
    private boolean applying;

    private record Pending(Supplier<Opening> job, Consumer<Opening> then) {
    }

    public TraceViewModel(Executor applier, DialogService dialogs) {
        this.dialogs = dialogs;
        worker = new LatestWinsExecutor("trace-worker", applier);
        inputReader = new LatestWinsExecutor("input-reader", applier);
        exactWorker = new LatestWinsExecutor("exact-step", applier);
        recorder = new CompactRecorder(applier);
        recorder.completedProperty().addListener((o, a, b) -> {
            Selection s = selection.get();
            if (s == null || s.result() != result.get() || !s.hasSteps()) refresh();
        });
        inputText.addListener((o, a, b) -> request());
        whatIfs.addListener((ListChangeListener<Intervention>) c -> request());
        for (Observable o : List.<Observable>of(step, unit, showWhatIf)) o.addListener(x -> refresh());
        layer.addListener((o, a, b) -> {
            TraceResult r = result.get();
            if (r != null && (b.intValue() < 0 || b.intValue() >= r.model().layerCount())) {
                layer.set(Math.max(0, Math.min(a.intValue(), r.model().layerCount() - 1)));
                return;
            }
            refresh();
        });
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Loads a model (off this thread) and opens it on its example input; a load error is shown, the old one stays. */
    public void open(ModelSource s) {
        open(() -> openingOf(s, s.load()), o -> { });
    }

    /** {@code m} from {@code s} on its example input, traced, with the unit to show first (call off this thread). */
    public static Opening openingOf(ModelSource s, RnnModel m) {
        String text = ModelCatalog.exampleFor(s, m);
        TraceResult r = compute(m, text, List.of());
        return new Opening(s, text, List.of(), 0, FirstUnit.of(s, r), 0, r);
    }

    /**
     * Runs {@code job} off this thread (the latest request wins) and, when it succeeds, shows what it opened and then
     * runs {@code then}; a failure is shown as one line and nothing on screen changes.
     */
    public void open(Supplier<Opening> job, Consumer<Opening> then) {
        pending = new Pending(job, then);
        request();
    }

    /** Reads a text or CSV file into the input editor (off this thread, as {@link TextFile} reads text). */
    public void openInput(Path file) {
        inputReader.submit(() -> TextFile.read(file), inputText::set,
                e -> dialogs.showError("Could not open the file", Messages.oneLine(e)));
    }

    /** Asks for a text or CSV file, then reads it into the input editor. */
    public void chooseInput() {
        Path f = dialogs.chooseFileToOpen("Open an input: text, or a CSV series (one row of numbers per step)",
                List.of(new DialogService.FileType("Text and CSV", "*.txt", "*.csv"), DialogService.FileType.ANY));
        if (f != null) openInput(f);
    }

    public void selectUnit(int u) {
        RnnModel m = model.get();
        if (m != null && u >= 0 && u < m.hiddenSize()) unit.set(u);
    }

    /** Shows step t, kept inside the input (and inside the steps done, while a long trace is being filled). */
    public void jumpTo(int t) {
        TraceResult r = result.get();
        int last = r == null ? -1 : r.completedSteps() - 1;
        step.set(Math.max(0, Math.min(t, last)));
    }

    /** Stops filling the long trace (the steps done stay shown). */
    public void cancelTrace() {
        recorder.cancel();
    }

    /**
     * Bytes a full trace may take before an input is kept compact instead: a quarter of the heap Java may use, at
     * most 512 MB (a 2 × 128 LSTM's full trace takes about 20 KB a step, so about 12,000 steps with -Xmx1g).
     */
    public static long defaultBudget() {
        return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    public long fullTraceBudget() {
        return budget;
    }

    /** Sets the budget above (tests set a small one to see a long trace with a short input). */
    public void setFullTraceBudget(long bytes) {
        budget = bytes;
    }

    public int steps() {
        TraceResult r = result.get();
        return r == null ? 0 : r.steps();
    }

    @Override
    public void close() {
        worker.close();
        inputReader.close();
        exactWorker.close();
        recorder.close();
    }

    // --- tracing ---------------------------------------------------------------------------------------------

    /** The trace of {@code text} through {@code m}, with the what-if trace beside it when there are interventions. */
    public static TraceResult compute(RnnModel m, String text, List<Intervention> ivs) {
        return compute(m, text, ivs, defaultBudget());
    }

    /**
     * The trace of {@code text} through {@code m}, with the what-if trace beside it when there are interventions; or,
     * when that would take more than {@code budget} bytes, a compact trace to be filled (without the what-ifs).
     *
     * @throws IllegalArgumentException when even the compact trace would not fit in the memory left
     */
    public static TraceResult compute(RnnModel m, String text, List<Intervention> ivs, long budget) {
        long t0 = System.nanoTime();
        EncodedInput enc = EncodedInput.of(m, text);
        Trace original = null, changed = null;
        int n = enc.steps();
        if (n > 0 && Trace.bytesFor(m, 1, n) * (ivs.isEmpty() ? 1 : 2) > budget) {
            long need = CompactTrace.bytesFor(m, n, CompactTrace.DEFAULT_EVERY);
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (need > free)
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d steps need about %d MB to trace and "
                        + "%d MB are free: give Java more memory (java -Xmx2g -jar ...) or use a shorter input", n,
                        need >> 20, free >> 20));
            CompactTrace compact = new CompactTrace(m, enc.batch(), List.of());
            return new TraceResult(m, enc, null, null, List.of(), (System.nanoTime() - t0) / 1e6, compact);
        }
        if (n > 0) {
            original = ForwardPass.run(m, enc.batch());
            if (!ivs.isEmpty()) changed = ForwardPass.run(m, enc.batch(), ivs);
        }
        return new TraceResult(m, enc, original, changed, ivs, (System.nanoTime() - t0) / 1e6);
    }

    private void request() {
        if (applying) return;
        Pending p = pending;
        if (p != null) {
            busy.set(true);
            worker.submit(p.job(), o -> apply(p, o), e -> {
                busy.set(false);
                pending = null;
                dialogs.showError("Could not open the file", Messages.oneLine(e));
            });
            return;
        }
        RnnModel current = model.get();
        if (current == null) return;
        String text = inputText.get();
        List<Intervention> ivs = List.copyOf(whatIfs);
        busy.set(true);
        long b = budget;
        worker.submit(() -> compute(current, text, ivs, b), this::apply, e -> {
            busy.set(false);
            dialogs.showError("Could not trace the input", Messages.oneLine(e));
        });
    }

    private void apply(Pending p, Opening o) {
        busy.set(false);
        pending = null;
        TraceResult r = o.result();
        applying = true;
        try {
            result.set(r);
            source.set(o.source());
            whatIfs.setAll(o.whatIfs());
            inputText.set(o.text());
            layer.set(o.layer());
            unit.set(o.unit());
            step.set(Math.min(o.step(), Math.max(0, r.steps() - 1)));
            model.set(r.model());
        } finally {
            applying = false;
        }
        startOrDrop(r);
        refreshSummaries();
        refresh();
        opened.set(o);
        p.then().accept(o);
    }

    private void apply(TraceResult r) {
        busy.set(false);
        applying = true;
        try {
            result.set(r);
            if (step.get() > r.steps() - 1) step.set(Math.max(0, r.steps() - 1));
        } finally {
            applying = false;
        }
        startOrDrop(r);
        refreshSummaries();
        refresh();
    }

    private void startOrDrop(TraceResult r) {
        if (r.isCompact()) recorder.start(r.compact());
        else recorder.drop();
    }

    private void refreshSummaries() {
        TraceResult r = result.get();
        RnnModel m = r.model();
        modelSummary.set(summary(m));
        unknownSummary.set(r.input().unknownSummary("word".equals(m.tokenizer()), !m.takesTokens()));
        if (r.isCompact())
            timing.set(String.format(Locale.ROOT, "%,d steps: too long for a full trace, kept compact (8-bit h and gates,"
                    + " 16-bit C; exact numbers recomputed for the selected step)%s", r.steps(),
                    whatIfs.isEmpty() ? "" : "; what-ifs are not traced for inputs this long"));
        else timing.set(r.steps() == 0 ? "no input" : String.format(Locale.ROOT, "traced %d steps in %.1f ms",
                r.steps(), r.millis()));
    }

    /** "LSTM · 1 layer · 24 units · 37 characters · next-token readout". */
    public static String summary(RnnModel m) {
        String cell = switch (m.cell()) {
            case RNN -> "Vanilla RNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU (reset after)";
        };
        StringBuilder sb = new StringBuilder(cell);
        sb.append(" · ").append(m.layerCount()).append(m.layerCount() == 1 ? " layer" : " layers");
        sb.append(" · ").append(m.hiddenSize()).append(" units");
        if (m.takesTokens())
            sb.append(" · ").append(m.tokenCount()).append("word".equals(m.tokenizer()) ? " words" : " characters");
        else sb.append(" · ").append(m.inputSize()).append(" inputs per step");
        if (m.isClassifier()) sb.append(" · classifier of ").append(m.outputSize()).append(" classes");
        else if (m.hasHead()) sb.append(" · next-token readout");
        return sb.toString();
    }

    /** The selection and the labels that follow it, once model, step, layer and unit agree. */
    private void refresh() {
        TraceResult r = result.get();
        if (r == null || applying) return;
        int n = r.steps();
        int t = Math.min(step.get(), Math.max(0, r.completedSteps() - 1));
        int l = layer.get(), u = unit.get();
        if (r.isCompact()) {
            refreshExact(r, t, l, u);
            return;
        }
        Selection s = new Selection(r, t, l, u, showWhatIf.get());
        if (n == 0) {
            stepLabel.set("no steps: type some text");
            unitLabel.set("unit " + u);
        } else {
            stepLabel.set("step " + (t + 1) + " of " + n + ": '" + TokenLabels.visible(s.token()) + "'");
            Trace shown = s.shown();
            StringBuilder ul = new StringBuilder("unit " + u + ": h = " + Num.f(shown.hidden(l, t, u)));
            if (r.model().cell().hasCellState()) ul.append(", C = ").append(Num.f(shown.cellState(l, t, u)));
            if (shown != r.original()) ul.append(" (what-if)");
            unitLabel.set(ul.toString());
        }
        selection.set(s);
    }

    /** The selection of a compact trace, once its step is recomputed exactly (off this thread). */
    private void refreshExact(TraceResult r, int t, int l, int u) {
        if (r.completedSteps() == 0) {
            stepLabel.set("step 1 of " + String.format(Locale.ROOT, "%,d", r.steps()) + ": tracing…");
            unitLabel.set("unit " + u);
            selection.set(new Selection(r, t, l, u, false));
            return;
        }
        boolean wi = showWhatIf.get();
        exactWorker.submit(() -> r.compact().exact(t, t), w -> {
            if (r != result.get()) return;
            Selection s = new Selection(r, t, l, u, wi, w);
            stepLabel.set(String.format(Locale.ROOT, "step %,d of %,d: '%s'", t + 1, r.steps(),
                    TokenLabels.visible(s.token())));
            String ul = "unit " + u + ": h = " + Num.f(w.hidden(l, t, u));
            if (r.model().cell().hasCellState()) ul += ", C = " + Num.f(w.cellState(l, t, u));
            unitLabel.set(ul);
            selection.set(s);
        }, e -> stepLabel.set("step " + (t + 1) + ": " + Messages.oneLine(e)));
    }

    // --- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ModelSource> sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RnnModel> modelProperty() { return model.getReadOnlyProperty(); }
    public StringProperty inputTextProperty() { return inputText; }
    public ReadOnlyObjectProperty<TraceResult> resultProperty() { return result.getReadOnlyProperty(); }
    public TraceResult result() { return result.get(); }
    public IntegerProperty stepProperty() { return step; }
    public IntegerProperty layerProperty() { return layer; }
    public IntegerProperty unitProperty() { return unit; }
    /** The interventions traced beside the original (clamped gates, ablated units). */
    public ObservableList<Intervention> whatIfs() { return whatIfs; }
    /** Whether the cell diagram and the equations show the what-if trace (when there is one) instead of the original. */
    public BooleanProperty showWhatIfProperty() { return showWhatIf; }
    /** The value under the mouse in the diagram or a heatmap ("" when none). */
    public StringProperty hoverTextProperty() { return hoverText; }
    /** A trace is being computed. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The consistent selection: set after every change of result, step, layer, unit or what-if view. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() { return selection.getReadOnlyProperty(); }
    /** The last opening applied (a model, a session): set after everything it holds is on screen. */
    public ReadOnlyObjectProperty<Opening> openedProperty() { return opened.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelSummaryProperty() { return modelSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepLabelProperty() { return stepLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unitLabelProperty() { return unitLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unknownSummaryProperty() { return unknownSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timingProperty() { return timing.getReadOnlyProperty(); }
    /** The filling of a long (compact) trace: running, progress, steps per second, Cancel. */
    public CompactRecorder recorder() { return recorder; }
}
