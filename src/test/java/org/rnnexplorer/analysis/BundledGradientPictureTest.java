package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForgetGateProduct;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.GradientNormCurve;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RecurrentSpectrum;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * The textbook picture on the bundled recall models (delay 40, H = 32, trained alike) and the bundled example: the
 * same 41 tokens through the vanilla RNN, the LSTM and the GRU, L = the recall loss at the last step. What the README
 * says of the gradient comparison is asserted here, as far as it is true.
 */
class BundledGradientPictureTest {
    /**
     * The LSTM's error enters at the last step through the output gate and the units whose forget gates are low; after
     * this many steps back only what the cell path carries is left, and the flat part begins.
     */
    private static final int LSTM_SETTLED = 3;

    private static RnnModel bundled(String file) throws Exception {
        try (InputStream in = BundledGradientPictureTest.class.getResourceAsStream("/bundled/models/" + file)) {
            assertNotNull(in, file + " is on the class path under /bundled/models");
            return ModelFile.read(in, file);
        }
    }

    private static InputBatch recallExample(RnnModel m) throws Exception {
        try (InputStream in = BundledGradientPictureTest.class.getResourceAsStream("/bundled/examples/recall-delay40.txt")) {
            assertNotNull(in, "the recall example is bundled");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return InputBatch.ofTokens(Vocabulary.of(m.vocabulary()).encode(Tokenizer.named("char").split(text)));
        }
    }

    private static GradientCurve curve(RnnModel m, InputBatch x) {
        return GradientCurves.of(m, x, GradientObjective.defaultFor(m), m.cell().id());
    }

    /** Least-squares line through (k, log10 y_k), k = from..to: {slope, R²}. */
    private static double[] logLineFit(double[] y, int from, int to) {
        int n = to - from + 1;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = from; k <= to; k++) {
            double v = Math.log10(y[k]);
            sx += k;
            sy += v;
            sxx += (double) k * k;
            sxy += k * v;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double residual = 0, total = 0;
        for (int k = from; k <= to; k++) {
            double v = Math.log10(y[k]);
            residual += Math.pow(v - (intercept + slope * k), 2);
            total += Math.pow(v - sy / n, 2);
        }
        return new double[] {slope, 1 - residual / total};
    }

    private static double maxOverMin(double[] y, int from, int to) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int k = from; k <= to; k++) {
            lo = Math.min(lo, y[k]);
            hi = Math.max(hi, y[k]);
        }
        return hi / lo;
    }

    @Test
    void theRecallModelsAreGradedOnNamingTheFirstTokenAtTheLastStep() throws Exception {
        RnnModel lstm = bundled("recall-lstm.json");
        InputBatch x = recallExample(lstm);
        GradientObjective objective = GradientObjective.defaultFor(lstm);
        assertTrue(objective.description().contains("first token"), objective.description());
        Trace trace = ForwardPass.run(lstm, x);
        int last = x.steps() - 1;
        double loss = org.rnnexplorer.model.BackwardPass.run(lstm, trace, objective.objectiveFor(lstm, x)).loss();
        assertEquals(-Math.log(trace.probability(last, x.tokens()[0])), loss, 1e-12);
        // the model answers: the recall loss is small (its held-out accuracy is 1.00)
        assertTrue(trace.probability(last, x.tokens()[0]) > 0.9);
        // and the error enters at the last step (k = 0), not one step earlier as for next-token models
        assertEquals(0, curve(lstm, x).anchor());
        assertTrue(GradientObjective.defaultFor(bundled("brackets-lstm.json")).description().contains("last token"));
    }

    @Test
    void theVanillaRnnsGradientFallsOnAStraightLineThoughSigmaMaxIsAboveOne() throws Exception {
        RnnModel rnn = bundled("recall-rnn.json");
        InputBatch x = recallExample(rnn);
        GradientCurve c = curve(rnn, x);
        int last = c.steps() - 1;
        assertEquals(40, last);
        double[] fit = logLineFit(c.norm(), c.anchor(), last);
        assertTrue(fit[0] < -0.3, "falls by more than ×0.5 per step back: log10 slope " + fit[0]);
        assertTrue(fit[1] > 0.99, "a straight line on the log scale: R² " + fit[1]);
        assertTrue(c.norm()[last] / c.norm()[c.anchor()] < 1e-15, "nothing of the error reaches the symbol");
        // not because σ_max(W_hh) < 1: the bound σ_max^k would allow it to explode ...
        double sigma = RecurrentSpectrum.of(rnn).sigmaMax(0);
        assertEquals(sigma, c.sigmaMax(), 1e-12);
        assertTrue(sigma > 1, "σ_max " + sigma);
        // ... but because tanh is saturated: most |h| > 0.9, where tanh' = 1 − h² < 0.19
        Trace trace = ForwardPass.run(rnn, x);
        int saturated = 0, all = 0;
        for (int t = 1; t <= last; t++)
            for (int u = 0; u < rnn.hiddenSize(); u++, all++)
                if (Math.abs(trace.hidden(0, t, u)) > 0.9) saturated++;
        assertTrue(saturated > 0.5 * all, saturated + " of " + all + " hidden values beyond ±0.9");
    }

    @Test
    void theLstmKeepsItFlatAlongItsForgetGatesAndTheGruToo() throws Exception {
        RnnModel rnn = bundled("recall-rnn.json");
        RnnModel lstm = bundled("recall-lstm.json");
        RnnModel gru = bundled("recall-gru.json");
        assertEquals(rnn.hiddenSize(), lstm.hiddenSize());
        assertEquals(rnn.hiddenSize(), gru.hiddenSize());
        InputBatch x = recallExample(lstm);
        GradientCurve vanilla = curve(rnn, x), l = curve(lstm, x), g = curve(gru, x);
        int last = l.steps() - 1;

        // over the same range, the vanilla RNN loses more than 15 orders of magnitude, the LSTM less than one
        assertTrue(vanilla.norm()[last] / vanilla.norm()[LSTM_SETTLED] < 1e-15);
        double spread = maxOverMin(l.norm(), LSTM_SETTLED, last);
        assertTrue(spread < 10, "flat within a factor " + spread);
        double[] fit = logLineFit(l.norm(), LSTM_SETTLED, last);
        assertTrue(Math.abs(fit[0]) < 0.03, "no steady fall: log10 slope " + fit[0]);

        // the forget gates sit near 1: on average more than half of a cell's content survives all 40 digits
        Trace trace = ForwardPass.run(lstm, x);
        ForgetGateProduct p = ForgetGateProduct.of(trace, 0);
        assertTrue(p.mean(0) > 0.5, "mean Π f over the 40 digits " + p.mean(0));
        // and the cell-state gradient follows the anchor's dL/dc carried back by the forget gates alone
        double[] cell = GradientNormCurve.cell(
                org.rnnexplorer.model.BackwardPass.run(lstm, trace, GradientObjective.defaultFor(lstm).objectiveFor(lstm, x)),
                0);
        for (int k = l.anchor(); k <= last; k++) {
            assertEquals(cell[k], l.cellNorm()[k], 1e-15 + 1e-12 * cell[k]);
            double ratio = cell[k] / l.forgetProduct()[k];
            assertTrue(ratio > 0.5 && ratio < 4, "k = " + k + ": ‖dL/dc‖ / forget product " + ratio);
        }

        // the GRU, whose update gates keep most of h at every step, keeps a large share of it to the first token
        assertEquals(CellType.GRU, g.cell());
        assertTrue(g.norm()[last] / g.norm()[0] > 0.1, "GRU keeps " + g.norm()[last] / g.norm()[0]);
    }
}
