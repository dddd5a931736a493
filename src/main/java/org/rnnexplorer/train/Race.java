package org.rnnexplorer.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;

/**
 * A vanilla RNN, an LSTM and a GRU trained at once on the same task: each run is a {@link PresetTraining} with the
 * same seed, so the three draw the same batches in the same order (the batches come from the seed alone, never from
 * the model) and start from weights drawn the same way. Each run has its own thread, so on a machine with several
 * cores the three go side by side, sharing the cores as {@link CoreTurns} says; each {@link Trainer} is
 * single-threaded and seeded, so a run gives the same model whether it races or runs alone.
 *
 * <pre>
 * Race race = Race.of(new RecallTask(40, 8), 1, run -&gt; run);   // the presets as they are
 * RaceResult r = race.run(listener);                           // blocks; race.cancel() from any thread
 * </pre>
 */
public final class Race {
    private final List<PresetTraining> runs;
    private final List<Trainer> trainers = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile CoreTurns turns;

    /** The runs, each for a different cell. */
    public Race(List<PresetTraining> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("a race needs at least one run");
        List<CellType> cells = new ArrayList<>();
        for (PresetTraining r : runs) {
            CellType c = r.start().cell();
            if (cells.contains(c)) throw new IllegalArgumentException("two runs of the " + c.id() + " cell");
            cells.add(c);
        }
        this.runs = List.copyOf(runs);
        for (PresetTraining r : runs) trainers.add(r.trainer());
    }

    /**
     * The RNN, the LSTM and the GRU on {@code task}'s preset with {@code seed}; {@code adjust} may change each run
     * alike (e.g. {@code run -> run.untilSolved(50)}).
     */
    public static Race of(Task task, long seed, UnaryOperator<PresetTraining> adjust) {
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : List.of(CellType.RNN, CellType.LSTM, CellType.GRU))
            runs.add(adjust.apply(PresetTraining.of(task, c, seed)));
        return new Race(runs);
    }

    /** Stops every run before its next batch; each result keeps the model of its last complete update. */
    public void cancel() {
        cancelled = true;
        for (Trainer t : trainers) t.cancel();
        CoreTurns t = turns;
        if (t != null) t.release();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Starts every run on its own thread ({@code race-rnn}, {@code race-lstm}, ...) and returns at once; the future
     * completes when the last run has finished. The runs share the machine's cores as {@link CoreTurns} says. A race
     * runs once.
     */
    public CompletableFuture<RaceResult> start(RaceListener listener) {
        return start(listener, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #start} on {@code cores} cores. */
    CompletableFuture<RaceResult> start(RaceListener listener, int cores) {
        claim();
        turns = new CoreTurns(runs.size(), cores);
        for (int i = 0; i < runs.size(); i++) trainers.get(i).takeTurns(turns.turnsOf(i));
        if (cancelled) turns.release();
        long t0 = System.nanoTime();
        List<CompletableFuture<TrainingResult>> futures = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            PresetTraining run = runs.get(i);
            Trainer trainer = trainers.get(i);
            CompletableFuture<TrainingResult> f = new CompletableFuture<>();
            CellType cell = run.start().cell();
            Thread thread = new Thread(() -> {
                try {
                    f.complete(trainer.train(run.start(), e -> listener.onProgress(cell, e)));
                } catch (Throwable e) {
                    cancel();
                    f.completeExceptionally(e);
                }
            }, "race-" + cell.id());
            thread.setDaemon(true);
            futures.add(f);
            thread.start();
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<CellType, TrainingResult> results = new LinkedHashMap<>();
                    for (int i = 0; i < runs.size(); i++) results.put(runs.get(i).start().cell(), futures.get(i).join());
                    return new RaceResult(results, (System.nanoTime() - t0) / 1e9, true);
                });
    }

    /** {@link #start} and wait for the end; a run that failed is rethrown as it was. */
    public RaceResult run(RaceListener listener) {
        try {
            return start(listener).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /**
     * The same runs one after another on the calling thread, the comparison the race is measured against (a race
     * runs once: make another {@code Race} for this).
     */
    public RaceResult runOneAfterAnother(RaceListener listener) {
        claim();
        long t0 = System.nanoTime();
        Map<CellType, TrainingResult> results = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            PresetTraining run = runs.get(i);
            CellType cell = run.start().cell();
            results.put(cell, trainers.get(i).train(run.start(), e -> listener.onProgress(cell, e)));
        }
        return new RaceResult(results, (System.nanoTime() - t0) / 1e9, false);
    }

    private void claim() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("this race has already run");
    }
}
