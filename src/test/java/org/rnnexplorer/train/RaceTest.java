package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.Goal;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.data.tasks.TaskShape;
import org.rnnexplorer.model.CellType;

class RaceTest {
    private static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM, CellType.GRU);

    /** A task that keeps every batch it hands out, in order (the held-out check's first, then the training ones). */
    private static final class RecordingTask implements Task {
        private final Task task;
        final List<TaskBatch> drawn = Collections.synchronizedList(new ArrayList<>());

        RecordingTask(Task task) {
            this.task = task;
        }

        @Override public String name() { return task.name(); }
        @Override public String describe() { return task.describe(); }
        @Override public TaskShape shape() { return task.shape(); }
        @Override public Goal goal() { return task.goal(); }

        @Override
        public TaskBatch sample(Random random, int batch) {
            TaskBatch b = task.sample(random, batch);
            drawn.add(b);
            return b;
        }
    }

    private static PresetTraining small(Task task, CellType cell, long seed) {
        PresetTraining p = PresetTraining.of(task, cell, seed);
        return new PresetTraining(task, p.start(), p.config().withSteps(40).withBatch(8));
    }

    private static void assertSameWeights(TrainingResult expected, TrainingResult actual, String what) {
        Map<String, DMatrixRMaj> a = expected.model().namedParameters(), b = actual.model().namedParameters();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) assertArrayEquals(a.get(name).data, b.get(name).data, 0.0, what + " " + name);
    }

    @Test
    void theThreeRunsSeeTheSameBatchesInTheSameOrder() {
        RecallTask recall = new RecallTask(6, 8);
        List<RecordingTask> tasks = new ArrayList<>();
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : CELLS) {
            RecordingTask t = new RecordingTask(recall);
            tasks.add(t);
            runs.add(small(t, c, 3));
        }
        RaceResult r = new Race(runs).run(RaceListener.NONE);
        assertEquals(CELLS, List.copyOf(r.results().keySet()));
        List<TaskBatch> first = tasks.get(0).drawn;
        assertEquals(Trainer.EVAL_SEQUENCES / Evaluator.BATCH + 40, first.size(), "held-out batches, then 40 batches");
        for (RecordingTask t : tasks.subList(1, 3)) {
            assertEquals(first.size(), t.drawn.size());
            for (int i = 0; i < first.size(); i++) {
                assertTrue(java.util.Arrays.deepEquals(first.get(i).tokens(), t.drawn.get(i).tokens()), "batch " + i);
                assertTrue(java.util.Arrays.deepEquals(first.get(i).classTargets(), t.drawn.get(i).classTargets()));
            }
        }
    }

    /**
     * Racing on three threads gives, bit for bit, the models of the three runs made alone with the same seed (so the
     * race of the recall preset gives what {@link RecallPresetTest} checks of the runs alone).
     */
    @Test
    void aRaceGivesTheSameModelsAsThreeRunsAlone() {
        RecallTask recall = new RecallTask(6, 8);
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : CELLS) runs.add(small(recall, c, 5));
        RaceResult raced = new Race(runs).run(RaceListener.NONE);
        RaceResult oneByOne = new Race(runs).runOneAfterAnother(RaceListener.NONE);
        assertTrue(raced.parallel());
        for (PresetTraining run : runs) {
            CellType c = run.start().cell();
            TrainingResult alone = run.trainer().train(run.start(), TrainingListener.NONE);
            assertSameWeights(alone, raced.of(c), c + " raced");
            assertSameWeights(alone, oneByOne.of(c), c + " one after another");
            assertEquals(alone.loss(), raced.of(c).loss(), 0.0);
        }
    }

    /** Three runs taking turns on one core (as {@link CoreTurns} hands it round) give the models of the runs alone. */
    @Test
    void onOneCoreTheRunsTakeTurnsAndGiveTheSameModels() throws Exception {
        RecallTask recall = new RecallTask(6, 8);
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : CELLS) runs.add(small(recall, c, 5));
        RaceResult raced = new Race(runs).start(RaceListener.NONE, 1).get(120, TimeUnit.SECONDS);
        for (PresetTraining run : runs) {
            CellType c = run.start().cell();
            assertSameWeights(run.trainer().train(run.start(), TrainingListener.NONE), raced.of(c), c + " on one core");
        }
    }

    @Test
    void cancelReachesRunsThatWaitForACore() throws Exception {
        assertEveryRunCancelled(1);
    }

    @Test
    void eachRunHasItsOwnThreadAndReportsItsProgress() throws Exception {
        RecallTask recall = new RecallTask(4, 8);
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : CELLS) runs.add(small(recall, c, 1));
        Map<CellType, Set<String>> threads = new ConcurrentHashMap<>();
        Map<CellType, List<Integer>> steps = new ConcurrentHashMap<>();
        Race race = new Race(runs);
        RaceResult r = race.start((cell, e) -> {
            threads.computeIfAbsent(cell, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            steps.computeIfAbsent(cell, k -> new CopyOnWriteArrayList<>()).add(e.step());
            assertTrue(Double.isFinite(e.loss()) && Double.isFinite(e.gradientNorm()));
        }).get(120, TimeUnit.SECONDS);
        for (CellType c : CELLS) {
            assertEquals(Set.of("race-" + c.id()), threads.get(c));
            List<Integer> s = steps.get(c);
            assertEquals(40, s.get(s.size() - 1));
            for (int i = 1; i < s.size(); i++) assertTrue(s.get(i) > s.get(i - 1));
            assertEquals(40, r.of(c).steps());
        }
        assertThrows(IllegalStateException.class, () -> race.run(RaceListener.NONE), "a race runs once");
    }

    @Test
    void cancelStopsEveryRunAndKeepsTheirLastModels() throws Exception {
        assertEveryRunCancelled(Runtime.getRuntime().availableProcessors());
    }

    /** Runs of 100,000 batches on {@code cores} cores, cancelled when one reaches batch 20, all stop. */
    private static void assertEveryRunCancelled(int cores) throws Exception {
        RecallTask recall = new RecallTask(4, 8);
        List<PresetTraining> runs = new ArrayList<>();
        for (CellType c : CELLS) {
            PresetTraining p = PresetTraining.of(recall, c, 1);
            runs.add(new PresetTraining(recall, p.start(), p.config().withSteps(100_000).withBatch(4)));
        }
        Race race = new Race(runs);
        RaceResult r = race.start((cell, e) -> {
            if (e.step() >= 20) race.cancel();
        }, cores).get(120, TimeUnit.SECONDS);
        assertTrue(race.isCancelled());
        for (CellType c : CELLS) {
            assertEquals(TrainingResult.Status.CANCELLED, r.of(c).status(), c.id());
            assertTrue(r.of(c).steps() < 100_000);
        }
    }

    @Test
    void twoRunsOfOneCellAreRefused() {
        RecallTask recall = new RecallTask(4, 8);
        assertThrows(IllegalArgumentException.class,
                () -> new Race(List.of(small(recall, CellType.GRU, 1), small(recall, CellType.GRU, 2))));
    }
}
