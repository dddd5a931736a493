package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.model.CellType;

/**
 * The classroom result, with the preset exactly as {@code train --task recall --delay 40} uses it: the LSTM and the
 * GRU name the symbol after 40 distractors, the vanilla RNN with the same settings does not. How long it takes is
 * measured, not tested: {@code train --task recall --delay 40 --cell lstm --until-solved} prints {@code seconds}.
 */
class RecallPresetTest {

    private static TrainingResult run(CellType cell, boolean untilSolved) {
        PresetTraining run = PresetTraining.of(new RecallTask(40, 8), cell, 1);
        if (untilSolved) run = run.untilSolved(50);
        return run.trainer().train(run.start(), TrainingListener.NONE);
    }

    @Test
    void lstmAndGruSolveDelay40AndTheVanillaRnnDoesNot() {
        TrainingResult lstm = run(CellType.LSTM, true), gru = run(CellType.GRU, true), rnn = run(CellType.RNN, false);
        assertTrue(lstm.accuracy() >= 0.95, "LSTM " + lstm.accuracy());
        assertTrue(gru.accuracy() >= 0.95, "GRU " + gru.accuracy());
        assertTrue(rnn.accuracy() < 0.5, "vanilla RNN " + rnn.accuracy() + " after the full preset");
    }
}
