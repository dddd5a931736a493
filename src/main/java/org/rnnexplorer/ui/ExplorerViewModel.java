package org.rnnexplorer.ui;

import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.DaemonThreads;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.chart.GradientChart;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * The state of the explorer window: which model, which input, which step, layer and unit, which what-ifs, and the
 * finished trace. Every change of model, input or what-if is traced on a background thread (latest request wins);
 * only the finished result is applied here, on the thread the {@code applier} runs on. Views bind to these
 * properties and call these methods; nothing here touches a scene graph.
 */
public final class ExplorerViewModel implements AutoCloseable {
    private final LatestWinsExecutor worker;

    private final ReadOnlyObjectWrapper<ModelEntry> entry = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RnnModel> model = new ReadOnlyObjectWrapper<>();
    private final StringProperty inputText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TraceResult> result = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ObservableList<Intervention> whatIfs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(2.0);
    private final DoubleProperty transitionMillis = new SimpleDoubleProperty(300);
    private final BooleanProperty reducedMotion = new SimpleBooleanProperty(false);
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final BooleanProperty showWhatIf = new SimpleBooleanProperty(false);
    private final StringProperty hoverText = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("RNN Explorer");
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unitLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unknownSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whatIfSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whatIfAtStep = new ReadOnlyStringWrapper("");
    private final ObservableList<EquationLine> equations = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    private final BooleanProperty gradientWanted = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<JFreeChart> gradientChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper gradientCaption = new ReadOnlyStringWrapper("");
    private final LatestWinsExecutor gradientWorker;
    private final LatestWinsExecutor inputReader;
    private TraceResult charted;

    private final ReadOnlyObjectWrapper<Path> sessionFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper trainedUnsaved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    /** Saves run one after another, every one of them (not latest-wins). */
    private final java.util.concurrent.ExecutorService fileWriter = DaemonThreads.single("session-writer");
    private final Executor applier;
    private java.util.function.Supplier<java.util.Map<String, Double>> sliderValues = java.util.Map::of;
    private Consumer<java.util.Map<String, Double>> sliderRestorer = m -> { };

    private Consumer<String> errorHandler = msg -> { };
    private ModelEntry pendingEntry;
    private boolean suppressRequests;
    private boolean applying;
    private TraceResult summarised;

    public ExplorerViewModel(Executor applier) {
        worker = new LatestWinsExecutor("trace-worker", applier);
        gradientWorker = new LatestWinsExecutor("gradient-worker", applier);
        inputReader = new LatestWinsExecutor("input-reader", applier);
        this.applier = applier;
        for (javafx.beans.Observable o : List.<javafx.beans.Observable>of(inputText, step, layer, unit, whatIfs, entry))
            o.addListener(x -> markChanged());
        for (javafx.beans.Observable o : List.<javafx.beans.Observable>of(sessionFile, trainedUnsaved, changed, entry))
            o.addListener(x -> refreshTitle());
        gradientWanted.addListener((o, a, b) -> requestGradient());
        result.addListener((o, a, b) -> requestGradient());
        inputText.addListener((o, a, b) -> request());
        whatIfs.addListener((javafx.collections.ListChangeListener<Intervention>) c -> request());
        step.addListener((o, a, b) -> refreshDerived());
        showWhatIf.addListener((o, a, b) -> refreshDerived());
        unit.addListener((o, a, b) -> refreshDerived());
        layer.addListener((o, a, b) -> {
            TraceResult r = result.get();
            if (r != null && (b.intValue() < 0 || b.intValue() >= r.model().layerCount())) {
                layer.set(Math.max(0, Math.min(a.intValue(), r.model().layerCount() - 1)));
                return;
            }
            refreshDerived();
        });
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Loads a model (off this thread) and opens it on its example input. A load error goes to the error handler. */
    public void open(ModelEntry e) {
        pendingEntry = e;
        request();
    }

    /** Opens a model file from disk; it joins the recent files when it loads. */
    public void openFile(Path file) {
        open(ModelCatalog.ofFile(file));
    }

    /**
     * Reads a text or CSV file (read off this thread, as {@link org.rnnexplorer.io.TextFile} reads text) into the input editor. A CSV file gives a numeric
     * model one step per row; a header line or other non-numeric line is listed as skipped.
     */
    public void openInput(Path file) {
        inputReader.submit(() -> org.rnnexplorer.io.TextFile.read(file)                , inputText::set, e -> errorHandler.accept(oneLine(e)));
    }

    public void stepForward() {
        if (step.get() < steps() - 1) step.set(step.get() + 1);
        else playing.set(false);
    }

    public void stepBack() {
        if (step.get() > 0) step.set(step.get() - 1);
    }

    public void first() {
        step.set(0);
    }

    public void last() {
        step.set(Math.max(0, steps() - 1));
    }

    public void jumpTo(int t) {
        step.set(Math.max(0, Math.min(t, steps() - 1)));
    }

    /** Play from the start when at the last step, else toggle. */
    public void togglePlay() {
        if (!playing.get() && step.get() >= steps() - 1) step.set(0);
        playing.set(!playing.get() && steps() > 1);
    }

    public void selectUnit(int u) {
        RnnModel m = model.get();
        if (m != null && u >= 0 && u < m.hiddenSize()) unit.set(u);
    }

    /** Holds gate {@code block} (PyTorch order) of the selected unit of the selected layer at {@code value}, every step. */
    public void clampGate(int block, double value) {
        whatIfs.removeIf(iv -> iv.target() == Intervention.Target.GATE && iv.gate() == block
                && iv.layer() == layer.get() && iv.unit() == unit.get());
        whatIfs.add(Intervention.clampGate(layer.get(), block, unit.get(), 0, Integer.MAX_VALUE, value));
    }

    /** Sets the selected unit's hidden value to 0 at every step. */
    public void ablateSelectedUnit() {
        whatIfs.removeIf(iv -> iv.target() == Intervention.Target.HIDDEN && iv.layer() == layer.get()
                && iv.unit() == unit.get());
        whatIfs.add(Intervention.ablate(layer.get(), unit.get()));
    }

    public void clearWhatIfs() {
        whatIfs.clear();
    }

    public void setErrorHandler(Consumer<String> handler) {
        errorHandler = handler;
    }

    // --- sessions --------------------------------------------------------------------------------------------

    /** The source of a model the training pane handed over ({@link #openTrained}). */
    public static final String TRAINED_SOURCE = "trained in the app";
    /** Names of the window's own sliders in a session file (the gradient lab adds its own). */
    public static final String SPEED_SLIDER = "playback.stepsPerSecond";

    /** Opens a model trained in the app: its weights count as unsaved until saved in a session or a model file. */
    public void openTrained(RnnModel m) {
        open(new ModelEntry("trained in the app (" + m.cell().id().toUpperCase() + ")", "a model trained in this session",
                TRAINED_SOURCE, null, m.cell().id(), () -> m));
    }

    /** Where the window's other sliders (the gradient lab's) come from when a session is saved. */
    public void setSliderValues(java.util.function.Supplier<java.util.Map<String, Double>> values) {
        sliderValues = values;
    }

    /** Who puts the other sliders back when a session is opened (it gets every slider of the file). */
    public void setSliderRestorer(Consumer<java.util.Map<String, Double>> restorer) {
        sliderRestorer = restorer;
    }

    /** Something of the session changed since it was opened or saved (a slider elsewhere, say). */
    public void markChanged() {
        if (!applying && !suppressRequests) changed.set(true);
    }

    /** Puts the changed flag back (after the GIF export stepped through and returned to the step it was on). */
    void restoreChanged(boolean wasChanged) {
        changed.set(wasChanged);
    }

    /**
     * What is on screen as a {@link Session}: the model, the input (the text as typed; if the vocabulary refuses a
     * typed character, the tokens that were fed), the selected layer, unit and step, the sliders and the what-ifs.
     */
    public org.rnnexplorer.io.Session currentSession() {
        TraceResult r = result.get();
        if (r == null) throw new IllegalStateException("nothing is open");
        RnnModel m = r.model();
        org.rnnexplorer.io.Session s;
        int t = Math.max(0, Math.min(step.get(), r.steps() - 1));
        java.util.Map<String, Double> sliders = new java.util.LinkedHashMap<>();
        sliders.put(SPEED_SLIDER, stepsPerSecond.get());
        sliders.putAll(sliderValues.get());
        if (m.takesTokens()) {
            try {
                s = org.rnnexplorer.io.Session.ofText(m, inputText.get());
            } catch (IllegalArgumentException unreadable) {
                s = org.rnnexplorer.io.Session.ofText(m,
                        org.rnnexplorer.data.TextEncoding.tokenizerOf(m).join(r.input().tokens()));
            }
        } else {
            s = org.rnnexplorer.io.Session.ofSeries(m, r.input().vectors());
        }
        String bundled = bundledPath(entry.get());
        if (bundled != null) s = s.withBundledModel(bundled);
        return s.withSelection(layer.get(), unit.get(), t).withSliders(sliders).withClamps(List.copyOf(whatIfs));
    }

    /** "bundled: lstm-brackets.json" → "models/lstm-brackets.json"; null for a model not shipped with the app. */
    static String bundledPath(ModelEntry e) {
        if (e == null || !e.source().startsWith("bundled: ")) return null;
        return "models/" + e.source().substring("bundled: ".length());
    }

    /**
     * Saves the session to {@code file} (written off this thread, atomically); on success it becomes the window's
     * session file, the trained weights count as saved and {@code then} runs. A failure goes to the error handler.
     */
    public void saveSession(Path file, Runnable then) {
        org.rnnexplorer.io.Session s;
        try {
            s = currentSession();
        } catch (RuntimeException e) {
            errorHandler.accept(file.getFileName() + ": cannot save the session: " + oneLine(e));
            return;
        }
        write(() -> org.rnnexplorer.io.SessionFile.write(s, file), file, () -> {
            sessionFile.set(file);
            trainedUnsaved.set(false);
            changed.set(false);
            then.run();
        });
    }

    /** Runs {@code save} on the writer thread, then {@code done} (or the error handler) on the applier. */
    private void write(Runnable save, Path file, Runnable done) {
        fileWriter.execute(() -> {
            try {
                save.run();
            } catch (RuntimeException e) {
                applier.execute(() -> errorHandler.accept(named(file, e)));
                return;
            }
            applier.execute(done);
        });
    }

    /** Saves the open model (with any weights trained in the app) as a model file, off this thread. */
    public void saveModel(Path file, Runnable then) {
        RnnModel m = model.get();
        if (m == null) return;
        write(() -> org.rnnexplorer.io.ModelFile.write(m, file), file, () -> {
            trainedUnsaved.set(false);
            then.run();
        });
    }

    private static String named(Path file, RuntimeException e) {
        String m = oneLine(e);
        String name = file.getFileName().toString();
        return m.startsWith(name) || m.startsWith(file.toString()) ? m : name + ": " + m;
    }

    /** A read session and its trace, made off the JavaFX thread. */
    private record OpenedSession(org.rnnexplorer.io.Session session, String text, TraceResult result) {
    }

    /**
     * Reads a session file off this thread and, when the whole file is good, shows exactly what it holds; a bad file
     * goes to the error handler as one line naming it, and nothing on screen changes.
     */
    public void openSession(Path file) {
        busy.set(true);
        worker.submit(() -> {
            org.rnnexplorer.io.Session s = org.rnnexplorer.io.SessionFile.read(file);
            String text = s.text() != null ? s.text() : seriesText(s.series());
            return new OpenedSession(s, text, compute(null, s.model(), text, s.clamps()));
        }, o -> applySession(file, o), e -> {
            busy.set(false);
            errorHandler.accept(oneLine(e));
        });
    }

    /** One line of numbers per row, as the input editor reads a series. */
    static String seriesText(double[][] series) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : series) {
            for (int j = 0; j < row.length; j++) sb.append(j > 0 ? ", " : "").append(row[j]);
            sb.append('\n');
        }
        return sb.toString();
    }

    private void applySession(Path file, OpenedSession o) {
        busy.set(false);
        org.rnnexplorer.io.Session s = o.session();
        TraceResult r = o.result();
        ModelEntry e = sessionEntry(file, s);
        applying = true;
        try {
            result.set(r);
            pendingEntry = null;
            playing.set(false);
            suppressRequests = true;
            try {
                entry.set(e);
                whatIfs.setAll(s.clamps());
                inputText.set(o.text());
            } finally {
                suppressRequests = false;
            }
            layer.set(s.layer());
            unit.set(s.unit());
            step.set(Math.min(s.step(), Math.max(0, r.steps() - 1)));
            model.set(r.model());
            Double speed = s.sliders().get(SPEED_SLIDER);
            if (speed != null) stepsPerSecond.set(speed);
            sliderRestorer.accept(s.sliders());
            sessionFile.set(file);
            trainedUnsaved.set(false);
            changed.set(false);
        } finally {
            applying = false;
        }
        summarised = null;
        refreshSummaries();
        refreshDerived();
    }

    /** The Model-menu entry of a session's model: the bundled one it names, else "model of NAME.json". */
    private static ModelEntry sessionEntry(Path file, org.rnnexplorer.io.Session s) {
        RnnModel m = s.model();
        for (ModelEntry b : ModelCatalog.bundled())
            if (s.bundledModel() != null && s.bundledModel().equals(bundledPath(b)))
                return new ModelEntry(b.title(), b.description(), b.source(), null, m.cell().id(), () -> m);
        String title = "model of " + file.getFileName(), description = "the model saved in " + file;
        String source = file.toString();
        return new ModelEntry(title, description, source, null, m.cell().id(), () -> m);
    }

    private void refreshTitle() {
        ModelEntry e = entry.get();
        Path f = sessionFile.get();
        boolean dirty = trainedUnsaved.get() || (f != null && changed.get());
        title.set((f == null ? "" : f.getFileName() + (dirty ? " •" : "") + " — ")
                + (f == null && dirty ? "• " : "") + "RNN Explorer — " + (e == null ? "" : e.title()));
    }

    // --- tracing ---------------------------------------------------------------------------------------------

    private void request() {
        if (suppressRequests) return;
        ModelEntry toLoad = pendingEntry;
        RnnModel current = model.get();
        if (toLoad == null && current == null) return;
        String text = toLoad == null ? inputText.get() : null;
        List<Intervention> ivs = toLoad == null ? List.copyOf(whatIfs) : List.of();
        busy.set(true);
        worker.submit(() -> compute(toLoad, current, text, ivs), r -> apply(toLoad, r), e -> {
            busy.set(false);
            if (toLoad != null) pendingEntry = null;
            errorHandler.accept(oneLine(e));
        });
    }

    /** Runs off the JavaFX thread. */
    private static TraceResult compute(ModelEntry toLoad, RnnModel current, String text, List<Intervention> ivs) {
        RnnModel m = toLoad != null ? toLoad.loader().get() : current;
        String input = toLoad != null ? ModelCatalog.exampleFor(toLoad, m) : text;
        long t0 = System.nanoTime();
        EncodedInput enc = EncodedInput.of(m, input);
        Trace original = null, changed = null;
        if (enc.steps() > 0) {
            original = ForwardPass.run(m, enc.batch());
            if (!ivs.isEmpty()) changed = ForwardPass.run(m, enc.batch(), ivs);
        }
        return new TraceResult(m, enc, original, changed, ivs, (System.nanoTime() - t0) / 1e6);
    }

    private void apply(ModelEntry loaded, TraceResult r) {
        busy.set(false);
        boolean newModel = loaded != null;
        int n = r.steps();
        applying = true;
        try {
            result.set(r);
            if (newModel) {
                pendingEntry = null;
                playing.set(false);
                suppressRequests = true;
                try {
                    entry.set(loaded);
                    whatIfs.clear();
                    inputText.set(ModelCatalog.exampleFor(loaded, r.model()));
                } finally {
                    suppressRequests = false;
                }
                layer.set(0);
                unit.set(firstUnit(loaded, r));
                step.set(0);
                model.set(r.model());
                rememberIfFile(loaded);
                sessionFile.set(null);
                trainedUnsaved.set(TRAINED_SOURCE.equals(loaded.source()));
                changed.set(false);
            } else if (step.get() > n - 1) {
                step.set(Math.max(0, n - 1));
            }
        } finally {
            applying = false;
        }
        refreshSummaries();
        refreshDerived();
    }

    private void rememberIfFile(ModelEntry e) {
        if (e.source().startsWith("bundled") || e.source().equals("built in")) return;
        Path p;
        try {
            p = Path.of(e.source());
        } catch (java.nio.file.InvalidPathException notAPath) {
            return;
        }
        if (!java.nio.file.Files.isRegularFile(p)) return; // a model trained in the app, not a file
        recentFiles.remove(p);
        recentFiles.add(0, p);
        if (recentFiles.size() > 8) recentFiles.remove(8, recentFiles.size());
    }

    private static final java.util.regex.Pattern NAMED_UNIT = java.util.regex.Pattern.compile("\\bunit (\\d+)\\b");

    /**
     * The unit to watch first: the one the model's description names ("cell state unit 29 follows the bracket
     * depth"), else the one whose h varies most over the example.
     */
    static int firstUnit(ModelEntry e, TraceResult r) {
        java.util.regex.Matcher m = NAMED_UNIT.matcher(e.description() == null ? "" : e.description());
        if (m.find()) {
            int u = Integer.parseInt(m.group(1));
            if (u < r.model().hiddenSize()) return u;
        }
        return liveliestUnit(r.original(), 0);
    }

    /** The unit whose h varies most over the trace: a good first unit to watch. */
    static int liveliestUnit(Trace trace, int layer) {
        if (trace == null) return 0;
        int best = 0;
        double bestVar = -1;
        for (int u = 0; u < trace.hiddenSize(); u++) {
            double s = 0, s2 = 0;
            for (int t = 0; t < trace.steps(); t++) {
                double v = trace.hidden(layer, t, u);
                s += v;
                s2 += v * v;
            }
            double var = s2 / trace.steps() - (s / trace.steps()) * (s / trace.steps());
            if (var > bestVar) {
                bestVar = var;
                best = u;
            }
        }
        return best;
    }

    private void refreshSummaries() {
        TraceResult r = result.get();
        RnnModel m = r.model();
        ModelEntry e = entry.get();
        refreshTitle();
        modelSummary.set(summary(m));
        boolean numeric = !m.takesTokens();
        unknownSummary.set(r.input().unknownSummary("word".equals(m.tokenizer()), numeric));
        timing.set(r.steps() == 0 ? "no input" : String.format(java.util.Locale.ROOT, "traced %d steps in %.1f ms",
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
        if (m.hasHead()) sb.append(" · next-token readout");
        return sb.toString();
    }

    private void refreshDerived() {
        TraceResult r = result.get();
        if (r == null || applying) return;
        int n = r.steps();
        int t = Math.min(step.get(), Math.max(0, n - 1));
        int l = layer.get(), u = unit.get();
        if (n == 0) {
            stepLabel.set("no steps: type some text");
            unitLabel.set("unit " + u);
            equations.clear();
            whatIfAtStep.set("");
            whatIfSummary.set(describeWhatIfs(r));
            return;
        }
        String tok = TokenLabels.visible(r.input().tokens().get(t));
        stepLabel.set("step " + (t + 1) + " of " + n + ": '" + tok + "'");
        Trace tr = r.original();
        Trace shown = r.shown(showWhatIf.get());
        StringBuilder ul = new StringBuilder("unit " + u + ": h = " + Num.f(shown.hidden(l, t, u)));
        if (r.model().cell().hasCellState()) ul.append(", C = ").append(Num.f(shown.cellState(l, t, u)));
        if (shown != tr) ul.append(" (what-if)");
        unitLabel.set(ul.toString());
        equations.setAll(EquationSheet.lines(r.model(), shown, l, t, u, r.shownInterventions(showWhatIf.get())));
        if (r != summarised) {
            whatIfSummary.set(describeWhatIfs(r));
            summarised = r;
        }
        if (r.hasWhatIf()) {
            whatIfAtStep.set("at step " + (t + 1) + ", unit " + u + ": h = " + Num.f(tr.hidden(l, t, u)) + " → "
                    + Num.f(r.whatIf().hidden(l, t, u)) + " with the what-if");
        } else {
            whatIfAtStep.set("");
        }
    }

    private static String describeWhatIfs(TraceResult r) {
        if (r.whatIfs().isEmpty()) return "No what-if: right-click a unit in the cell diagram or a heatmap to clamp "
                + "a gate or ablate the unit.";
        StringBuilder sb = new StringBuilder();
        for (Intervention iv : r.whatIfs()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(describe(r.model().cell(), iv));
        }
        if (r.hasWhatIf()) {
            int top = r.original().layerCount() - 1;
            double best = 0;
            int bu = 0, bt = 0;
            for (int t = 0; t < r.steps(); t++)
                for (int u = 0; u < r.original().hiddenSize(); u++) {
                    double d = Math.abs(r.whatIf().hidden(top, t, u) - r.original().hidden(top, t, u));
                    if (d > best) {
                        best = d;
                        bu = u;
                        bt = t;
                    }
                }
            sb.append(". Largest change of h").append(r.original().layerCount() > 1 ? " (top layer)" : "")
                    .append(": ").append(Num.f(best)).append(" at unit ").append(bu).append(", step ").append(bt + 1);
        }
        return sb.toString();
    }

    /** "forget gate of unit 5 held at 0 (layer 1)". */
    public static String describe(CellType cell, Intervention iv) {
        String where = "unit " + iv.unit() + " (layer " + (iv.layer() + 1) + ")";
        return switch (iv.target()) {
            case GATE -> {
                Quantity q = Quantity.gateByIndex(cell, iv.gate());
                yield (q == null ? "gate " + iv.gate() : q.name()) + " of " + where + " held at " + Num.f(iv.value());
            }
            case HIDDEN -> iv.value() == 0 && iv.toStep() == Integer.MAX_VALUE ? where + " ablated (h = 0)"
                    : "h of " + where + " held at " + Num.f(iv.value());
            case CELL -> "C of " + where + " held at " + Num.f(iv.value());
        };
    }

    /**
     * The gradient chart of the current result (‖∂L/∂h_t‖ of the top layer against the steps back, with the what-if
     * beside it when there is one), computed off this thread and only while a view wants it.
     */
    private void requestGradient() {
        TraceResult r = result.get();
        if (!gradientWanted.get() || r == null || r == charted) return;
        if (r.steps() == 0) {
            gradientChart.set(null);
            gradientCaption.set("no steps");
            return;
        }
        gradientCaption.set("computing the gradient over " + r.steps() + " steps…");
        gradientWorker.submit(() -> gradientChartOf(r), chart -> {
            charted = r;
            gradientChart.set(chart);
            gradientCaption.set(GradientObjective.defaultFor(r.model()).description()
                    + " — how much of the error at the last step reaches each earlier step"
                    + (r.hasWhatIf() ? "; with the what-if beside it" : ""));
        }, e -> gradientCaption.set("the gradient could not be computed: " + oneLine(e)));
    }

    /** Runs off the JavaFX thread. */
    static JFreeChart gradientChartOf(TraceResult r) {
        RnnModel m = r.model();
        InputBatch in = r.input().batch();
        GradientObjective objective = GradientObjective.defaultFor(m);
        String name = GradientCurves.cellName(m.cell());
        GradientCurve original = GradientCurves.of(m, in, objective, name);
        if (!r.hasWhatIf()) return GradientChart.of(original);
        Gradients g = new Gradients(m, 1, r.steps()).withInputGradient(false);
        BackwardPass.run(m, r.whatIf(), objective.objectiveFor(m, in), r.whatIfs(), g);
        GradientCurve changed = GradientCurves.from(m, r.whatIf(), g, m.layerCount() - 1, objective.description(),
                name + " with the what-if");
        return GradientChart.compare(List.of(original, changed));
    }

    static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public int steps() {
        TraceResult r = result.get();
        return r == null ? 0 : r.steps();
    }

    @Override
    public void close() {
        worker.close();
        gradientWorker.close();
        inputReader.close();
        fileWriter.shutdownNow();
    }

    // --- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ModelEntry> entryProperty() { return entry.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RnnModel> modelProperty() { return model.getReadOnlyProperty(); }
    public StringProperty inputTextProperty() { return inputText; }
    public ReadOnlyObjectProperty<TraceResult> resultProperty() { return result.getReadOnlyProperty(); }
    public TraceResult result() { return result.get(); }
    public IntegerProperty stepProperty() { return step; }
    public IntegerProperty layerProperty() { return layer; }
    public IntegerProperty unitProperty() { return unit; }
    public ObservableList<Intervention> whatIfs() { return whatIfs; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }
    public DoubleProperty stepsPerSecondProperty() { return stepsPerSecond; }
    public DoubleProperty transitionMillisProperty() { return transitionMillis; }
    public BooleanProperty reducedMotionProperty() { return reducedMotion; }
    public BooleanProperty presenterProperty() { return presenter; }
    /** Whether the cell diagram and the equations show the what-if trace (when there is one) instead of the original. */
    public BooleanProperty showWhatIfProperty() { return showWhatIf; }
    public StringProperty hoverTextProperty() { return hoverText; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelSummaryProperty() { return modelSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepLabelProperty() { return stepLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unitLabelProperty() { return unitLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unknownSummaryProperty() { return unknownSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timingProperty() { return timing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty whatIfSummaryProperty() { return whatIfSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty whatIfAtStepProperty() { return whatIfAtStep.getReadOnlyProperty(); }
    public ObservableList<EquationLine> equations() { return equations; }
    public ObservableList<Path> recentFiles() { return recentFiles; }
    public BooleanProperty gradientWantedProperty() { return gradientWanted; }
    /** The session file on screen (opened or last saved), or null. */
    public ReadOnlyObjectProperty<Path> sessionFileProperty() { return sessionFile.getReadOnlyProperty(); }
    /** A model from the training pane whose weights are in no file yet: closing or opening another asks first. */
    public ReadOnlyBooleanProperty trainedUnsavedProperty() { return trainedUnsaved.getReadOnlyProperty(); }
    /** Something changed since the session file was opened or saved. */
    public ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<JFreeChart> gradientChartProperty() { return gradientChart.getReadOnlyProperty(); }
    public ReadOnlyStringProperty gradientCaptionProperty() { return gradientCaption.getReadOnlyProperty(); }

    /** Milliseconds a step transition takes: 0 with reduced motion. */
    public double effectiveTransitionMillis() {
        return reducedMotion.get() ? 0 : transitionMillis.get();
    }
}
