package org.rnnexplorer.ui.race;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.data.xy.XYSeries;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.train.PresetTraining;
import org.rnnexplorer.train.ProgressEvent;
import org.rnnexplorer.train.Race;
import org.rnnexplorer.train.RaceResult;
import org.rnnexplorer.train.TrainingResult;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.SeriesBatch;
import org.rnnexplorer.ui.common.ThrottledFlush;
import org.rnnexplorer.ui.training.TaskChoice;

/**
 * The race tab's state: a vanilla RNN, an LSTM and a GRU trained at once on the chosen task with one seed and number
 * of batches ({@link Race}, each run on its own thread, the same batches in the same order). Progress events arrive
 * on the runs' threads, are queued and applied on the applier (the JavaFX thread in the window), where each cell's
 * loss and accuracy series grow; Cancel stops every run before its next batch. When the race ends its result and
 * the three models are offered for the step-through.
 */
public final class RaceViewModel {
    /** The cells of a race, in its order. */
    public static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM, CellType.GRU);
    /** Points per live curve at most: the runs report every {@code batches / POINTS} batches. */
    static final int POINTS = 200;

    private final ObjectProperty<TaskChoice> task = new SimpleObjectProperty<>(this, "task", TaskChoice.all().get(2));
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final IntegerProperty batches = new SimpleIntegerProperty(this, "batches", task.get().preset().steps());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a task, then Start: the three cells train at once on the same batches.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<RaceResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final Map<CellType, XYSeries> loss = new EnumMap<>(CellType.class);
    private final Map<CellType, XYSeries> accuracy = new EnumMap<>(CellType.class);
    private final Map<CellType, ReadOnlyStringWrapper> cellStatus = new EnumMap<>(CellType.class);
    private final Map<CellType, Double> cellProgress = new EnumMap<>(CellType.class);
    private final ConcurrentLinkedQueue<Update> pending = new ConcurrentLinkedQueue<>();
    /** The live curves and statuses are brought up to date at most this often. */
    static final int UPDATES_PER_SECOND = 10;
    private final ThrottledFlush updates;
    private final SeriesBatch batch;
    private final Executor ui;
    private volatile Race race;
    private Task raced;
    private long racedSeed;

    private record Update(CellType cell, ProgressEvent event) {
    }

    /** {@code ui} applies the updates (the JavaFX thread in the window, a queue in tests). */
    public RaceViewModel(Executor ui) {
        this.ui = ui;
        for (CellType c : CELLS) {
            loss.put(c, new XYSeries(name(c), true, true));
            accuracy.put(c, new XYSeries(name(c) + " accuracy", true, true));
            cellStatus.put(c, new ReadOnlyStringWrapper(this, c.id() + "Status", name(c) + ": not started"));
        }
        List<XYSeries> all = new ArrayList<>(loss.values());
        all.addAll(accuracy.values());
        batch = new SeriesBatch(all);
        updates = new ThrottledFlush(ui, UPDATES_PER_SECOND, this::flush);
        task.addListener((o, a, t) -> {
            if (t != null) batches.set(t.preset().steps());
        });
    }

    /** "vanilla RNN", "LSTM", "GRU". */
    public static String name(CellType c) {
        return org.rnnexplorer.analysis.GradientCurves.cellName(c);
    }

    /** Starts the race with the current settings (ignored while one runs). */
    public void start() {
        if (running.get()) return;
        TaskChoice choice = task.get();
        Preset p = choice.preset();
        long s = seed.get();
        int n = batches.get();
        Task t;
        Race r;
        try {
            t = choice.task().get();
            List<PresetTraining> runs = new ArrayList<>();
            for (CellType c : CELLS) {
                RnnModel start = Initializer.create(t.shape(), c, p.hidden(), 1, 0, p.forgetBias(), new Random(s));
                runs.add(new PresetTraining(t, start, p.config(s).withSteps(n).withReportEvery(Math.max(1, n / POINTS))));
            }
            r = new Race(runs);
        } catch (RuntimeException e) {
            problem.set(Messages.oneLine(e));
            return;
        }
        for (CellType c : CELLS) {
            loss.get(c).clear();
            accuracy.get(c).clear();
            cellProgress.put(c, 0.0);
            cellStatus.get(c).set(name(c) + ": starting");
        }
        pending.clear();
        progress.set(0);
        problem.set("");
        result.set(null);
        raced = t;
        racedSeed = s;
        status.set(String.format(Locale.ROOT, "Racing a vanilla RNN, an LSTM and a GRU (H = %d, seed %d, %d batches "
                + "of %d) on %s ...", p.hidden(), s, n, p.batch(), t.describe()));
        running.set(true);
        race = r;
        r.start(this::onProgress).whenComplete((done, error) -> ui.execute(() -> finish(done, error)));
    }

    /** Stops every run before its next batch; each keeps the model of its last complete update. */
    public void cancel() {
        Race r = race;
        if (r != null) r.cancel();
    }

    /** A run's thread: queue the event, and have the applier drain the queue unless it is asked to already. */
    private void onProgress(CellType cell, ProgressEvent e) {
        pending.add(new Update(cell, e));
        updates.request();
    }

    private void flush() {
        List<Update> queued = new ArrayList<>();
        for (Update u; (u = pending.poll()) != null; ) queued.add(u);
        if (queued.isEmpty()) return;
        batch.apply(() -> {
            for (Update u : queued) {
                ProgressEvent e = u.event();
                if (Double.isFinite(e.loss())) loss.get(u.cell()).addOrUpdate(e.step(), e.loss());
                if (Double.isFinite(e.accuracy())) accuracy.get(u.cell()).addOrUpdate(e.step(), e.accuracy());
            }
        });
        for (Update u : queued) {
            ProgressEvent e = u.event();
            cellProgress.put(u.cell(), (double) e.step() / e.totalSteps());
            cellStatus.get(u.cell()).set(String.format(Locale.ROOT, "%s: batch %d of %d · loss %.4f%s", name(u.cell()),
                    e.step(), e.totalSteps(), e.loss(), accuracyText(e.accuracy())));
        }
        double sum = 0;
        for (double v : cellProgress.values()) sum += v;
        progress.set(sum / CELLS.size());
    }

    private void finish(RaceResult r, Throwable error) {
        updates.now();
        running.set(false);
        race = null;
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            problem.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            status.set("The race stopped.");
            return;
        }
        boolean cancelled = false;
        StringBuilder sb = new StringBuilder();
        for (CellType c : CELLS) {
            TrainingResult tr = r.of(c);
            cancelled |= tr.status() == TrainingResult.Status.CANCELLED;
            if (sb.length() > 0) sb.append("  ·  ");
            sb.append(name(c)).append(' ').append(verdict(tr));
            cellStatus.get(c).set(String.format(Locale.ROOT, "%s: %d batches · held-out loss %.4f%s · %s", name(c),
                    tr.steps(), tr.loss(), accuracyText(tr.accuracy()), verdict(tr)));
        }
        progress.set(cancelled ? progress.get() : 1);
        status.set(String.format(Locale.ROOT, "%s in %.1f s (goal: %s): %s", cancelled ? "Cancelled" : "Done",
                r.seconds(), raced.goal(), sb));
        result.set(r);
    }

    private String verdict(TrainingResult tr) {
        return switch (tr.status()) {
            case DIVERGED -> "diverged";
            case CANCELLED -> "cancelled";
            default -> raced.solved(tr.loss(), tr.accuracy()) ? "passes" : "fails";
        };
    }

    private static String accuracyText(double a) {
        return Double.isFinite(a) ? String.format(Locale.ROOT, " · accuracy %.1f %%", 100 * a) : "";
    }

    /** The task of the last race started (null before any). */
    public Task racedTask() {
        return raced;
    }

    /** The seed of the last race started. */
    public long racedSeed() {
        return racedSeed;
    }

    public ObjectProperty<TaskChoice> taskProperty() { return task; }
    public IntegerProperty seedProperty() { return seed; }
    /** Batches each cell trains on (the task's preset when a task is chosen). */
    public IntegerProperty batchesProperty() { return batches; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1: the mean over the three runs of batches done / planned. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** How the last race ended; null while one runs and before any. */
    public ReadOnlyObjectProperty<RaceResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** One line per cell: its progress, then its result. */
    public ReadOnlyStringProperty cellStatusProperty(CellType c) { return cellStatus.get(c).getReadOnlyProperty(); }
    public XYSeries lossSeries(CellType c) { return loss.get(c); }
    /** True while a batch of points goes into the live series: the chart holds its redraws until it is false. */
    public ReadOnlyBooleanProperty seriesUpdatingProperty() { return batch.updatingProperty(); }
    public XYSeries accuracySeries(CellType c) { return accuracy.get(c); }
}
