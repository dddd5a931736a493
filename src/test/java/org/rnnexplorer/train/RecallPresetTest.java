package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * The classroom result, with the preset exactly as {@code train --task recall --delay 40} uses it: the LSTM and the
 * GRU name the symbol after 40 distractors, the vanilla RNN with the same settings does not. How long it takes is
 * measured, not tested: {@code train --task recall --delay 40 --cell lstm --until-solved} prints {@code seconds}.
 */
class RecallPresetTest {

    private static TrainingResult run(CellType cell, boolean untilSolved) {
        RecallTask task = new RecallTask(40, 8);
        Preset p = Preset.of("recall");
        TrainingConfig c = p.config(1).withEvaluation(untilSolved ? 50 : 0, untilSolved);
        RnnModel start = Initializer.create(task.shape(), cell, p.hidden(), 1, 0, p.forgetBias(), new Random(1));
        return new Trainer(task, c).train(start, TrainingListener.NONE);
    }

    @Test
    void lstmAndGruSolveDelay40AndTheVanillaRnnDoesNot() {
        TrainingResult lstm = run(CellType.LSTM, true), gru = run(CellType.GRU, true), rnn = run(CellType.RNN, false);
        assertTrue(lstm.accuracy() >= 0.95, "LSTM " + lstm.accuracy());
        assertTrue(gru.accuracy() >= 0.95, "GRU " + gru.accuracy());
        assertTrue(rnn.accuracy() < 0.5, "vanilla RNN " + rnn.accuracy() + " after the full preset");
    }
}
