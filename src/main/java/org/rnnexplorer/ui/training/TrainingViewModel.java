package org.rnnexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.data.xy.XYSeries;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.train.ProgressEvent;
import org.rnnexplorer.train.Trainer;
import org.rnnexplorer.train.TrainingConfig;
import org.rnnexplorer.train.TrainingResult;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.SeriesBatch;
import org.rnnexplorer.ui.common.ThrottledFlush;

/**
 * Trains a model on a task in the background and shows it live: the trainer runs on its own thread and reports
 * progress events; they are queued and handed to the UI at most {@link #MAX_UPDATES_PER_SECOND} times a second, where
 * the loss, accuracy and gradient-norm series and the progress grow. Cancel stops before the next update and keeps
 * the model of the last complete one; a diverging run is rolled back by the trainer and its message shown. The
 * trained model is offered in {@link #trainedModelProperty()} and, when the user accepts it, published as
 * {@link ModelChosen} on the event bus.
 */
public final class TrainingViewModel {
    public static final int MAX_UPDATES_PER_SECOND = 10;
    /** At most this many points per live series: events come every {@code steps / POINTS} batches. */
    static final int POINTS = 400;

    private final ObjectProperty<TaskChoice> task = new SimpleObjectProperty<>(this, "task", TaskChoice.all().get(0));
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(this, "cell", CellType.LSTM);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", task.get().preset().steps());
    /** Learning rate; NaN = the preset's. */
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", Double.NaN);
    /** The seed of every run: the same settings give the same run, as with the {@code train} command. */
    private static final int SEED = 1;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose a task and a cell, then Train.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<RnnModel> trainedModel = new ReadOnlyObjectWrapper<>(this, "trainedModel");
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final XYSeries loss = new XYSeries("loss", true, true);
    private final XYSeries accuracy = new XYSeries("accuracy", true, true);
    private final XYSeries gradientNorm = new XYSeries("gradient norm (before clipping)", true, true);
    private final Executor ui;
    private final List<ProgressEvent> pending = new ArrayList<>();
    private final EventBus events;
    private volatile Trainer trainer;
    private volatile Thread thread;
    private final ThrottledFlush updates;
    private final SeriesBatch batch = new SeriesBatch(List.of(loss, accuracy, gradientNorm));
    /** The run's weights in no file yet (for the recovery file); null when there are none or they were handed over. */
    private volatile TrainingSnapshot unsaved;
    private long lastSnapshot;
    private String runTask;
    private CellType runCell;

    /** A pane on its own: updates on the FX thread, "Use this model" published on a bus of its own. */
    public TrainingViewModel() {
        this(Platform::runLater, new EventBus());
    }

    /** {@code ui} runs the updates (the FX thread in the app); {@code events} gets the model the user chooses. */
    public TrainingViewModel(Executor ui, EventBus events) {
        this.ui = ui;
        this.events = events;
        updates = new ThrottledFlush(ui, MAX_UPDATES_PER_SECOND, this::flush);
        task.addListener((o, a, t) -> {
            if (t != null) steps.set(t.preset().steps());
        });
    }

    /** Starts a run with the current settings (ignored while one runs). */
    public void train() {
        if (running.get()) return;
        TaskChoice choice = task.get();
        CellType c = cell.get();
        Preset p = choice.preset();
        double lr = Double.isNaN(learningRate.get()) ? p.learningRate() : learningRate.get();
        TrainingConfig config;
        Task t;
        RnnModel start;
        try {
            t = choice.task().get();
            config = p.config(SEED).withSteps(steps.get()).withOptimizer("adam", lr)
                    .withReportEvery(Math.max(1, steps.get() / POINTS));
            start = Initializer.create(t.shape(), c, p.hidden(), 1, 0, p.forgetBias(), new Random(SEED));
        } catch (RuntimeException e) {
            problem.set(e.getMessage());
            return;
        }
        loss.clear();
        accuracy.clear();
        gradientNorm.clear();
        progress.set(0);
        stepsPerSecond.set(0);
        problem.set("");
        result.set(null);
        status.set(String.format(Locale.ROOT, "Training %s, H = %d, on %s ...", c.name(), p.hidden(), t.describe()));
        running.set(true);
        runTask = choice.label();
        runCell = c;
        Trainer tr = new Trainer(t, config);
        trainer = tr;
        thread = DaemonThreads.start("training", () -> {
            TrainingResult r;
            try {
                r = tr.train(start, this::onProgress);
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> finishWithError(msg));
                return;
            }
            ui.execute(() -> finish(r, t));
        });
    }

    /** Stops the run before its next update; the model of the last complete update is kept. */
    public void cancel() {
        Trainer t = trainer;
        if (t != null) t.cancel();
    }

    /** Hands the trained model to the window ({@link ModelChosen}). */
    public void useModel() {
        RnnModel m = trainedModel.get();
        if (m == null) return;
        unsaved = null; // the window's session keeps them from now on
        events.publish(new ModelChosen(m));
    }

    /**
     * The weights of the current or last run that are in no file and were not handed to the window: a copy taken
     * at most every {@link #SNAPSHOT_NANOS} while it trains, and the finished model after. Null when there are none.
     */
    public TrainingSnapshot unsavedWeights() {
        return unsaved;
    }

    /** The weights of a run cut short (by a crash), put back as the last run's model, ready for "Use this model". */
    public void restore(TrainingSnapshot s) {
        if (running.get()) return;
        for (TaskChoice c : TaskChoice.all()) if (c.label().equals(s.task())) task.set(c);
        cell.set(s.cell()); // the steps stay the task's preset: the next Train starts a run of its own
        loss.clear();
        accuracy.clear();
        gradientNorm.clear();
        result.set(null);
        problem.set("");
        progress.set((double) s.step() / Math.max(1, s.totalSteps()));
        status.set(String.format(Locale.ROOT, "Restored the weights of step %,d of %,d of a run cut short: Use this"
                + " model to explore them, or Train again.", s.step(), s.totalSteps()));
        trainedModel.set(s.model());
        unsaved = s;
    }

    /** Whether the training thread of the last run is still alive (it ends soon after the run reports its end). */
    public boolean trainingThreadAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Snapshots of a running model for the recovery file are at least this far apart (1 s). */
    static final long SNAPSHOT_NANOS = 1_000_000_000L;

    /**
     * Training thread: keep a copy of the weights for the recovery file (the first update's, then one a second),
     * queue the event; flush now if the last flush is 1/10 s old, else once, a little later.
     */
    private void onProgress(ProgressEvent e) {
        Trainer tr = trainer;
        long t = System.nanoTime();
        if (tr != null && e.step() > 0 && (unsaved == null || t - lastSnapshot >= SNAPSHOT_NANOS)) {
            unsaved = new TrainingSnapshot(tr.snapshot(), e.step(), e.totalSteps(), runTask, runCell);
            lastSnapshot = t;
        }
        synchronized (pending) {
            pending.add(e);
        }
        updates.request();
    }

    /** UI thread: add the queued events to the series. */
    private void flush() {
        List<ProgressEvent> events;
        synchronized (pending) {
            events = new ArrayList<>(pending);
            pending.clear();
        }
        if (events.isEmpty()) return;
        batch.apply(() -> {
            for (ProgressEvent e : events) {
                if (Double.isFinite(e.loss())) loss.addOrUpdate(e.step(), e.loss());
                if (Double.isFinite(e.accuracy())) accuracy.addOrUpdate(e.step(), e.accuracy());
                if (Double.isFinite(e.gradientNorm()) && e.gradientNorm() > 0)
                    gradientNorm.addOrUpdate(e.step(), e.gradientNorm());
            }
        });
        ProgressEvent last = events.get(events.size() - 1);
        progress.set((double) last.step() / last.totalSteps());
        stepsPerSecond.set(last.step() / Math.max(last.seconds(), 1e-9));
        status.set(String.format(Locale.ROOT, "Step %d of %d  ·  loss %.4f%s", last.step(), last.totalSteps(),
                last.loss(), Double.isFinite(last.accuracy())
                        ? String.format(Locale.ROOT, "  ·  accuracy %.1f %%", 100 * last.accuracy()) : ""));
    }

    private void finish(TrainingResult r, Task t) {
        updates.now();
        running.set(false);
        trainer = null;
        result.set(r);
        String acc = Double.isNaN(r.accuracy()) ? ""
                : String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * r.accuracy());
        String measured = String.format(Locale.ROOT, "held-out loss %.4f%s (goal: %s)", r.loss(), acc, t.goal());
        switch (r.status()) {
            case DIVERGED -> {
                problem.set(r.message());
                status.set("Diverged after " + r.steps() + " steps; the model is rolled back: " + measured);
            }
            case CANCELLED -> status.set(String.format(Locale.ROOT,
                    "Cancelled after %d steps; the model of step %d is kept: %s", r.steps(), r.steps(), measured));
            case SOLVED -> status.set(String.format(Locale.ROOT, "Reached the goal after %d steps, %.1f s: %s", r.steps(),
                    r.seconds(), measured));
            default -> status.set(String.format(Locale.ROOT, "Done: %d steps in %.1f s, %s", r.steps(), r.seconds(),
                    measured));
        }
        if (r.steps() > 0) {
            progress.set((double) r.steps() / Math.max(1, steps.get()));
            trainedModel.set(r.model());
            unsaved = new TrainingSnapshot(r.model(), r.steps(), steps.get(), runTask, runCell);
        }
    }

    private void finishWithError(String msg) {
        updates.now();
        running.set(false);
        trainer = null;
        problem.set(msg);
        status.set("Training stopped.");
    }

    public ObjectProperty<TaskChoice> taskProperty() { return task; }
    public ObjectProperty<CellType> cellProperty() { return cell; }
    /** Batches to train on (the task's preset when a task is chosen). */
    public IntegerProperty stepsProperty() { return steps; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** True while a batch of points goes into the live series: the chart holds its redraws until it is false. */
    public ReadOnlyBooleanProperty seriesUpdatingProperty() { return batch.updatingProperty(); }
    /** 0..1: batches done / planned. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty stepsPerSecondProperty() { return stepsPerSecond.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What went wrong in one line (a diverged run's message), "" otherwise. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The model of the last run (after cancel: of its last complete update); null before any. */
    public ReadOnlyObjectProperty<RnnModel> trainedModelProperty() { return trainedModel.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() { return result.getReadOnlyProperty(); }
    public XYSeries lossSeries() { return loss; }
    public XYSeries accuracySeries() { return accuracy; }
    public XYSeries gradientNormSeries() { return gradientNorm; }
}
