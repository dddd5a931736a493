package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.AddingTask;
import org.rnnexplorer.data.tasks.Goal;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.data.tasks.TaskShape;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

class TrainerTest {

    private static RnnModel fresh(Task task, CellType cell, int hidden, long seed) {
        return Initializer.create(task.shape(), cell, hidden, 1, 0, 3.0, new Random(seed));
    }

    private static TrainingConfig quick(int steps, long seed) {
        return TrainingConfig.defaults().withSteps(steps).withSeed(seed).withBatch(8).withReportEvery(1);
    }

    private static void assertSameWeights(RnnModel a, RnnModel b) {
        Map<String, DMatrixRMaj> pa = a.namedParameters(), pb = b.namedParameters();
        assertEquals(pa.keySet(), pb.keySet());
        for (String k : pa.keySet()) assertArrayEquals(pa.get(k).data, pb.get(k).data, 0.0, k);
    }

    private static boolean sameWeights(RnnModel a, RnnModel b) {
        for (Map.Entry<String, DMatrixRMaj> e : a.namedParameters().entrySet())
            if (!java.util.Arrays.equals(e.getValue().data, b.namedParameters().get(e.getKey()).data)) return false;
        return true;
    }

    @Test
    void aSeededRunRepeatsBitForBit() {
        Task task = new RecallTask(5, 8);
        List<ProgressEvent> first = new ArrayList<>(), second = new ArrayList<>();
        TrainingResult a = new Trainer(task, quick(20, 7)).train(fresh(task, CellType.GRU, 8, 7), first::add);
        TrainingResult b = new Trainer(task, quick(20, 7)).train(fresh(task, CellType.GRU, 8, 7), second::add);
        assertSameWeights(a.model(), b.model());
        assertEquals(a.loss(), b.loss(), 0.0);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).loss(), second.get(i).loss(), 0.0);
            assertEquals(first.get(i).gradientNorm(), second.get(i).gradientNorm(), 0.0);
        }
        TrainingResult other = new Trainer(task, quick(20, 8)).train(fresh(task, CellType.GRU, 8, 7), e -> { });
        assertFalse(sameWeights(a.model(), other.model()), "another seed draws other batches");
    }

    @Test
    void aShortLstmRecallRunReachesItsTarget() {
        Task task = new RecallTask(5, 8);
        TrainingConfig config = TrainingConfig.defaults().withSteps(300).withSeed(1).withBatch(16);
        TrainingResult r = new Trainer(task, config).train(fresh(task, CellType.LSTM, 16, 1), TrainingListener.NONE);
        assertTrue(r.accuracy() >= 0.95, "held-out accuracy " + r.accuracy());
        assertEquals(TrainingResult.Status.SOLVED, r.status());
        // chance is 1/8: the untrained model is far from the goal
        Score before = new Evaluator(task, 512, 99).evaluate(fresh(task, CellType.LSTM, 16, 1));
        assertTrue(before.accuracy() < 0.3, "untrained accuracy " + before.accuracy());
    }

    /** Size of the change one update makes to all parameters together. */
    private static double updateNorm(TrainingConfig config) {
        Task task = new AddingTask(10);
        RnnModel start = fresh(task, CellType.RNN, 8, 3);
        // large weights give a large gradient
        for (DMatrixRMaj m : start.namedParameters().values()) for (int i = 0; i < m.data.length; i++) m.data[i] *= 8;
        RnnModel after = new Trainer(task, config).train(start, TrainingListener.NONE).model();
        double s = 0;
        for (Map.Entry<String, DMatrixRMaj> e : start.namedParameters().entrySet()) {
            double[] p0 = e.getValue().data, p1 = after.namedParameters().get(e.getKey()).data;
            for (int i = 0; i < p0.length; i++) s += (p1[i] - p0[i]) * (p1[i] - p0[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void clippingBoundsTheUpdate() {
        TrainingConfig sgd = quick(1, 1).withOptimizer("sgd", 0.5);
        double unclipped = updateNorm(sgd.withClip(0));
        double clipped = updateNorm(sgd.withClip(0.1));
        assertTrue(unclipped > 0.5 * 0.1 * 2, "without clipping the step is large: " + unclipped);
        assertTrue(clipped <= 0.5 * 0.1 * (1 + 1e-9), "|Δθ| = lr·|g| ≤ 0.5·0.1, got " + clipped);
        assertEquals(0.05, clipped, 1e-6, "the clipped gradient has norm exactly the limit");
    }

    @Test
    void cancelLeavesTheModelOfTheLastCompleteUpdate() {
        Task task = new RecallTask(5, 8);
        RnnModel start = fresh(task, CellType.LSTM, 8, 2);
        RnnModel untouched = start.copy();
        Trainer trainer = new Trainer(task, quick(50, 2));
        RnnModel[] seen = new RnnModel[1];
        TrainingResult r = trainer.train(start, e -> {
            if (e.step() == 3) {
                seen[0] = trainer.snapshot();
                trainer.cancel();
            }
        });
        assertEquals(TrainingResult.Status.CANCELLED, r.status());
        assertEquals(3, r.steps());
        assertSameWeights(untouched, start); // the caller's model is never changed
        RnnModel threeSteps = new Trainer(task, quick(3, 2)).train(start, TrainingListener.NONE).model();
        assertSameWeights(threeSteps, r.model());
        assertSameWeights(threeSteps, seen[0]); // what a listener saw at step 3 is what the run left

        Trainer early = new Trainer(task, quick(50, 2));
        early.cancel();
        TrainingResult none = early.train(start, TrainingListener.NONE);
        assertEquals(0, none.steps());
        assertSameWeights(untouched, none.model());
    }

    /** The adding task, except that the targets of training batch number {@code poisoned} are NaN. */
    private static final class PoisonedTask implements Task {
        private final AddingTask inner = new AddingTask(6);
        private final int poisoned;
        private int drawn;

        PoisonedTask(int poisoned) {
            this.poisoned = poisoned;
        }

        @Override public String name() { return "poisoned"; }
        @Override public String describe() { return "adding with a NaN target"; }
        @Override public TaskShape shape() { return inner.shape(); }
        @Override public Goal goal() { return inner.goal(); }
        @Override public boolean solved(double loss, double accuracy) { return false; }
        @Override public double tolerance() { return inner.tolerance(); }

        @Override
        public TaskBatch sample(Random random, int batch) {
            TaskBatch b = inner.sample(random, batch);
            if (batch == 8 && ++drawn == poisoned) // training batches only, not the held-out ones
                 b.valueTargets()[0][5][0] = Double.NaN;
            return b;
        }
    }

    @Test
    void aNanIsCaughtReportedAndRolledBack() {
        RnnModel start = fresh(new AddingTask(6), CellType.GRU, 8, 4);
        TrainingResult r = new Trainer(new PoisonedTask(5), quick(20, 4)).train(start, TrainingListener.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertNotNull(r.message());
        assertTrue(r.message().contains("step 5") && r.message().contains("NaN"), r.message());
        assertEquals(4, r.steps());
        // rolled back to the last model whose loss was finite: the one that scored batch 4, i.e. after 3 updates
        RnnModel afterThree = new Trainer(new PoisonedTask(-1), quick(3, 4)).train(start, TrainingListener.NONE).model();
        assertSameWeights(afterThree, r.model());
    }

    @Test
    void aDivergingLearningRateIsReportedWithFiniteWeights() {
        Task task = new AddingTask(10);
        TrainingConfig huge = quick(30, 1).withOptimizer("sgd", 1e6).withClip(0);
        TrainingResult r = new Trainer(task, huge).train(fresh(task, CellType.RNN, 8, 1), TrainingListener.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertTrue(r.message().contains("lower the learning rate"), r.message());
        for (DMatrixRMaj m : r.model().namedParameters().values())
            for (double v : m.data) assertTrue(Double.isFinite(v));
        TrainingResult adam = new Trainer(task, quick(30, 1).withOptimizer("adam", 1e4)).train(
                fresh(task, CellType.LSTM, 8, 1), TrainingListener.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, adam.status(), "a huge Adam step blows the loss up");
    }

    @Test
    void truncatedChunksCarryTheStateAndFullLengthChunksChangeNothing() {
        Task task = new RecallTask(9, 8);
        RnnModel start = fresh(task, CellType.LSTM, 8, 5);
        RnnModel full = new Trainer(task, quick(5, 5)).train(start, TrainingListener.NONE).model();
        RnnModel whole = new Trainer(task, quick(5, 5).withTruncate(10)).train(start, TrainingListener.NONE).model();
        assertSameWeights(full, whole);

        TaskBatch b = task.sample(new Random(1), 4);
        TrainingStep once = new TrainingStep(start, 4), chunked = new TrainingStep(start, 4);
        double[] hFull = once.forward(b).layer(0).h[9].data.clone();
        chunked.forward(b.slice(0, 4));
        double[] hChunked = chunked.forward(b.slice(4, 10)).layer(0).h[5].data;
        assertArrayEquals(hFull, hChunked, 1e-12);
    }

    /** Next-character prediction on bracket text, with the first 5 steps not scored. */
    private static final class LateScoredTask implements Task {
        private final org.rnnexplorer.data.tasks.BracketsTask inner = new org.rnnexplorer.data.tasks.BracketsTask(20);

        @Override public String name() { return "late"; }
        @Override public String describe() { return "brackets, scored from step 5"; }
        @Override public TaskShape shape() { return inner.shape(); }
        @Override public org.rnnexplorer.data.tasks.Goal goal() { return inner.goal(); }
        @Override public boolean solved(double loss, double accuracy) { return false; }

        @Override
        public TaskBatch sample(Random random, int batch) {
            TaskBatch b = inner.sample(random, batch);
            for (int[] row : b.classTargets()) java.util.Arrays.fill(row, 0, 5, -1);
            return b;
        }
    }

    @Test
    void chunksWithoutTargetsDoNotLookLikeDivergence() {
        // chunks of 5: the first has no targets (loss 0), the next three score a loss near ln(33) each
        Task task = new LateScoredTask();
        TrainingResult r = new Trainer(task, quick(20, 1).withTruncate(5)).train(fresh(task, CellType.LSTM, 8, 1),
                TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, r.status(), String.valueOf(r.message()));
        assertEquals(20, r.steps());
    }

    @Test
    void progressEventsCountStepsAndTokens() {
        Task task = new RecallTask(3, 8);
        List<ProgressEvent> events = new ArrayList<>();
        new Trainer(task, quick(12, 1).withReportEvery(5)).train(fresh(task, CellType.RNN, 4, 1), events::add);
        assertEquals(List.of(5, 10, 12), events.stream().map(ProgressEvent::step).toList());
        for (ProgressEvent e : events) {
            assertEquals(12, e.totalSteps());
            assertTrue(e.tokensPerSecond() > 0 && e.gradientNorm() > 0 && e.loss() > 0);
            assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
        }
    }
}
