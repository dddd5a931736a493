package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class SeriesContinuationTest {

    /** Each value is the prediction before it, fed back: a fresh forward over prompt + values agrees within 1e-12. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void eachValueIsThePredictionFedBackAndEqualsAFreshForward(CellType cell) {
        RnnModel m = TestModels.series(cell, 2, 7, 2, 2, 3);
        double[][] prompt = TestModels.vectors(6, 2, 4);
        SeriesContinuation s = new SeriesContinuation(m);
        s.prime(prompt);
        double[][] values = s.continueAlone(25, Progress.NONE, () -> false);
        double[][] all = new double[prompt.length + values.length][];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(values, 0, all, prompt.length, values.length);
        Trace fresh = ForwardPass.run(m, InputBatch.ofVectors(all));
        for (int i = 0; i < values.length; i++) {
            double[] y = java.util.Arrays.copyOf(fresh.logits(prompt.length - 1 + i).data, 2);
            assertArrayEquals(y, values[i], 1e-12, "value " + i + " is the prediction made before it");
        }
        int last = all.length - 1;
        assertArrayEquals(java.util.Arrays.copyOf(fresh.logits(last).data, 2), s.prediction(), 1e-12);
        assertArrayEquals(java.util.Arrays.copyOf(fresh.layer(1).h[last].data, 7), s.hidden(1), 1e-12);
    }

    @Test
    void aReadoutThatCannotBeFedBackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeriesContinuation(TestModels.series(CellType.GRU, 2, 4, 1, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new SeriesContinuation(TestModels.series(CellType.GRU, 1, 4, 1, 0, 1)));
        SeriesContinuation s = new SeriesContinuation(TestModels.series(CellType.GRU, 1, 4, 1, 1, 1));
        assertThrows(IllegalStateException.class, () -> s.continueAlone(3, Progress.NONE, () -> false));
        s.prime(new double[][] {{0.5}});
        assertEquals(2, s.continueAlone(2, Progress.NONE, () -> false).length);
    }
}
