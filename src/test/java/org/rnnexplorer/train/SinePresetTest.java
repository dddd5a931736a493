package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.SineTask;
import org.rnnexplorer.model.CellType;

/**
 * {@code train --task sine --mode one-to-many}: after a prompt of one period of the slower wave, the LSTM preset
 * continues the series alone within the goal (mean squared error below 0.01 on held-out sequences).
 */
class SinePresetTest {

    @Test
    void theOneToManyPresetReachesItsGoal() {
        PresetTraining run = PresetTraining.of(new SineTask(60, SineTask.Mode.ONE_TO_MANY), CellType.LSTM, 1)
                .untilSolved(100);
        TrainingResult r = run.trainer().train(run.start(), TrainingListener.NONE);
        assertTrue(r.loss() < 0.01, "held-out MSE " + r.loss() + " after " + r.steps() + " steps");
    }
}
