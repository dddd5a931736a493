package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class ConnectivityTest {
    private static final double H = 1e-6;

    /** The same cells and readout as {@code m}, reading the embedded vectors as a series (no embedding). */
    private static RnnModel withoutEmbedding(RnnModel m) {
        return new RnnModel(m.cell(), m.inputSize(), m.hiddenSize(), m.layers(), null, m.headWeight(), m.headBias(),
                null, null, null);
    }

    private static double[][] embedded(RnnModel m, int[] tokens) {
        double[][] x = new double[tokens.length][m.inputSize()];
        for (int t = 0; t < tokens.length; t++)
            for (int j = 0; j < m.inputSize(); j++) x[t][j] = m.embedding().get(tokens[t], j);
        return x;
    }

    /** ‖∂f/∂x_t‖ by central differences over every number of x_t (the series model's input). */
    private static double finiteDifferenceNorm(RnnModel series, double[][] x, int t, ToDoubleFunction<Trace> f) {
        double sq = 0;
        for (int j = 0; j < x[t].length; j++) {
            double keep = x[t][j];
            x[t][j] = keep + H;
            double up = f.applyAsDouble(ForwardPass.run(series, InputBatch.ofVectors(x)));
            x[t][j] = keep - H;
            double down = f.applyAsDouble(ForwardPass.run(series, InputBatch.ofVectors(x)));
            x[t][j] = keep;
            double d = (up - down) / (2 * H);
            sq += d * d;
        }
        return Math.sqrt(sq);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)) + 1e-9, what);
    }

    /**
     * For an embedding model the input x_t is the embedded vector: the norms equal central differences of
     * log p_s[k] with respect to the embedded vectors, fed as a series to the same cells and readout.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void theRowMatchesFiniteDifferencesOfTheLogProbability(CellType cell) {
        RnnModel m = TestModels.language(cell, 7, 4, 6, 2, 21);
        int[] tokens = TestModels.tokens(12, 7, 22);
        RnnModel series = withoutEmbedding(m);
        double[][] x = embedded(m, tokens);
        for (PredictionTarget target : new PredictionTarget[] {PredictionTarget.PREDICTED_TOKEN, PredictionTarget.NEXT_TOKEN}) {
            int s = 8;
            Connectivity.Row row = Connectivity.atStep(m, InputBatch.ofTokens(tokens), s, target);
            int k = row.token();
            if (target == PredictionTarget.NEXT_TOKEN) assertEquals(tokens[s + 1], k);
            Trace plain = ForwardPass.run(m, InputBatch.ofTokens(tokens));
            if (target == PredictionTarget.PREDICTED_TOKEN)
                for (int j = 0; j < 7; j++) assertTrue(plain.probability(s, j) <= plain.probability(s, k));
            assertEquals(Math.log(plain.probability(s, k)), row.value(), 1e-12);
            assertEquals(s + 1, row.norms().length);
            for (int t = 0; t <= s; t++)
                assertClose(finiteDifferenceNorm(series, x, t, tr -> Math.log(tr.probability(s, k))), row.norms()[t],
                        target + " t=" + t);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theOutputAndStateTargetsMatchFiniteDifferences(CellType cell) {
        RnnModel withHead = TestModels.series(cell, 3, 5, 2, 2, 31);
        RnnModel noHead = TestModels.series(cell, 3, 5, 1, 0, 32);
        double[][] x = TestModels.vectors(10, 3, 33);
        int s = 6;
        Connectivity.Row out = Connectivity.atStep(withHead, InputBatch.ofVectors(x), s, PredictionTarget.OUTPUT);
        Connectivity.Row state = Connectivity.atStep(noHead, InputBatch.ofVectors(x), s, PredictionTarget.STATE_SUM);
        for (int t = 0; t <= s; t++) {
            assertClose(finiteDifferenceNorm(withHead, x, t, tr -> tr.logits(s).get(0, 0) + tr.logits(s).get(0, 1)),
                    out.norms()[t], "output t=" + t);
            assertClose(finiteDifferenceNorm(noHead, x, t, tr -> {
                double sum = 0;
                for (int u = 0; u < 5; u++) sum += tr.hidden(0, s, u);
                return sum;
            }), state.norms()[t], "state t=" + t);
        }
    }

    /** A map row uses the whole sequence's trace; later inputs cannot matter, so it equals the hovered step's row. */
    @Test
    void theMapHasEveryStepsRowAndDependsOnNothingLater() {
        RnnModel m = TestModels.language(CellType.LSTM, 6, 3, 5, 1, 41);
        int[] tokens = TestModels.tokens(15, 6, 42);
        int[] done = {0};
        double[][] map = Connectivity.map(m, InputBatch.ofTokens(tokens), PredictionTarget.PREDICTED_TOKEN,
                (d, total) -> done[0] = (int) d, () -> false);
        assertEquals(15, map.length);
        assertEquals(15, done[0]);
        for (int s = 0; s < 15; s++)
            assertArrayEquals(Connectivity.atStep(m, InputBatch.ofTokens(tokens), s, PredictionTarget.PREDICTED_TOKEN)
                    .norms(), map[s], 1e-12, "row " + s);
        assertEquals(14, Connectivity.map(m, InputBatch.ofTokens(tokens), PredictionTarget.NEXT_TOKEN, Progress.NONE,
                () -> false).length, "the last step has no next token");
        assertThrows(CancellationException.class, () -> Connectivity.map(m, InputBatch.ofTokens(tokens),
                PredictionTarget.PREDICTED_TOKEN, Progress.NONE, () -> true));
        double[] byDistance = Connectivity.meanByDistance(map);
        double sum = 0;
        for (int s = 3; s < 15; s++) sum += map[s][s - 3];
        assertEquals(sum / 12, byDistance[3], 1e-15);
    }

    /**
     * The classroom picture, on the bundled recall models (a symbol, then 40 digits): the LSTM's answer at the last
     * step still depends on the symbol (step 0) about as much as on the digits, the vanilla RNN's does not at all.
     */
    @Test
    void onRecallTheLstmsAnswerReachesBackToTheSymbolAndTheRnnsDoesNot() {
        String example = "f2601150301661316013060302462142135110376";
        double lstm = symbolShare("recall-lstm.json", example), gru = symbolShare("recall-gru.json", example),
                rnn = symbolShare("recall-rnn.json", example);
        assertTrue(lstm > 0.01, "LSTM: ‖∂f/∂x_0‖ / max_t " + lstm);
        assertTrue(gru > 0.01, "GRU: " + gru);
        assertTrue(rnn < 1e-6, "RNN: " + rnn);
    }

    private static double symbolShare(String file, String text) {
        RnnModel m = ModelFile.read(Path.of("resources/models", file));
        int[] ids = Vocabulary.of(m.vocabulary()).encode(text.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        Connectivity.Row row = Connectivity.atStep(m, InputBatch.ofTokens(ids), ids.length - 1,
                PredictionTarget.PREDICTED_TOKEN);
        double max = 0;
        for (double v : row.norms()) max = Math.max(max, v);
        return row.norms()[0] / max;
    }

    @Test
    void stepsAndTargetsThatDoNotFitAreRefused() {
        RnnModel lm = TestModels.language(CellType.GRU, 5, 3, 4, 1, 1);
        InputBatch in = InputBatch.ofTokens(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Connectivity.atStep(lm, in, 3, PredictionTarget.PREDICTED_TOKEN));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.atStep(lm, in, 2, PredictionTarget.NEXT_TOKEN));
        RnnModel noHead = TestModels.series(CellType.GRU, 2, 3, 1, 0, 1);
        InputBatch xs = InputBatch.ofVectors(TestModels.vectors(4, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.atStep(noHead, xs, 1, PredictionTarget.OUTPUT));
        assertThrows(IllegalArgumentException.class,
                () -> Connectivity.atStep(TestModels.series(CellType.GRU, 2, 3, 1, 2, 1), xs, 1, PredictionTarget.NEXT_TOKEN));
        assertEquals(PredictionTarget.STATE_SUM, PredictionTarget.defaultFor(noHead));
        assertEquals(PredictionTarget.PREDICTED_TOKEN, PredictionTarget.defaultFor(lm));
    }
}
