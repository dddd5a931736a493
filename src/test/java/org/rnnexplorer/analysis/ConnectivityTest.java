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
     * For an embedding model the input x_t is the embedded vector: the norms equal central differences of the token's
     * logit or log-probability with respect to the embedded vectors, fed as a series to the same cells and readout.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void theRowMatchesFiniteDifferencesOfTheTokensLogitAndLogProbability(CellType cell) {
        RnnModel m = TestModels.language(cell, 7, 4, 6, 2, 21);
        int[] tokens = TestModels.tokens(12, 7, 22);
        RnnModel series = withoutEmbedding(m);
        double[][] x = embedded(m, tokens);
        Trace plain = ForwardPass.run(m, InputBatch.ofTokens(tokens));
        int s = 8;
        for (PredictionTarget target : new PredictionTarget[] {PredictionTarget.PREDICTED_TOKEN,
                PredictionTarget.NEXT_TOKEN, PredictionTarget.PREDICTED_LOG_PROBABILITY,
                PredictionTarget.NEXT_LOG_PROBABILITY}) {
            Connectivity.Row row = Connectivity.atStep(m, InputBatch.ofTokens(tokens), s, target);
            int k = row.token();
            if (target.needsNextToken()) assertEquals(tokens[s + 1], k);
            else for (int j = 0; j < 7; j++) assertTrue(plain.probability(s, j) <= plain.probability(s, k));
            boolean logp = target == PredictionTarget.PREDICTED_LOG_PROBABILITY
                    || target == PredictionTarget.NEXT_LOG_PROBABILITY;
            ToDoubleFunction<Trace> f = logp ? tr -> Math.log(tr.probability(s, k)) : tr -> tr.logits(s).get(0, k);
            assertEquals(f.applyAsDouble(plain), row.value(), 1e-12);
            assertEquals(s + 1, row.norms().length);
            for (int t = 0; t <= s; t++)
                assertClose(finiteDifferenceNorm(series, x, t, f), row.norms()[t], target + " t=" + t);
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

    /**
     * A map row is differentiated over its band's prefix, which may hold later steps than the row's own; later inputs
     * cannot matter, so every row equals the hovered step's row.
     */
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
     * The classroom picture, on the bundled recall models (a symbol, then 40 digits; the answer's logit at the last
     * step): the LSTM's and the GRU's answers depend on the symbol at step 0 more than on a typical digit (the median
     * over the 40), the vanilla RNN's does not depend on it at all (below 10⁻⁶ of its largest).
     */
    @Test
    void onRecallTheGatedCellsAnswerReachesBackToTheSymbolAndTheRnnsDoesNot() {
        String example = "f2601150301661316013060302462142135110376";
        for (String cell : new String[] {"lstm", "gru"}) {
            double[] c = lastRow("recall-" + cell + ".json", example);
            double[] digits = java.util.Arrays.copyOfRange(c, 1, c.length);
            java.util.Arrays.sort(digits);
            assertTrue(c[0] > digits[digits.length / 2], cell + ": symbol " + c[0] + ", median digit "
                    + digits[digits.length / 2]);
        }
        double[] rnn = lastRow("recall-rnn.json", example);
        double max = java.util.Arrays.stream(rnn).max().orElseThrow();
        assertTrue(rnn[0] < 1e-6 * max, "RNN: symbol " + rnn[0] + ", largest " + max);
    }

    private static double[] lastRow(String file, String text) {
        RnnModel m = ModelFile.read(Path.of("resources/models", file));
        int[] ids = Vocabulary.of(m.vocabulary()).encode(text.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        return Connectivity.atStep(m, InputBatch.ofTokens(ids), ids.length - 1, PredictionTarget.PREDICTED_TOKEN)
                .norms();
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
