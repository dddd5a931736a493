package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.CountingTask;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Trace;

/** The counting preset makes an LSTM that solves a^n X b^n, and one of its cells holds the count. */
class CountingUnitTest {

    @Test
    void theTrainedLstmHasACellThatCounts() {
        CountingTask task = new CountingTask(10);
        PresetTraining run = PresetTraining.of(task, CellType.LSTM, 1);
        TrainingResult r = run.trainer().train(run.start(), TrainingListener.NONE);
        assertTrue(r.accuracy() >= 0.95, "accuracy " + r.accuracy());

        TaskBatch b = task.sample(new Random(5), 20);
        double[][] count = new double[20][];
        for (int i = 0; i < 20; i++) count[i] = CountingTask.counter(b.tokens()[i]);
        Trace t = ForwardPass.run(r.model(), b.input());
        UnitCorrelation best = UnitCorrelation.best(t, 0, count, true);
        assertTrue(Math.abs(best.r()) > 0.9, "best cell " + best.unit() + " r = " + best.r());
    }
}
