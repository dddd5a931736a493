package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

class GradientCurvesTest {

    /** With tiny inputs tanh' ≈ 1, so each step back multiplies dL/dh by (a·Q)ᵀ: the norm shrinks by exactly a. */
    @ParameterizedTest
    @ValueSource(doubles = {0.7, 0.9, 1.1})
    void vanillaLogNormFallsOnAStraightLineOfSlopeLogA(double a) {
        int steps = 40;
        RnnModel m = TestModels.vanilla(3, 16, a, 11);
        InputBatch x = InputBatch.ofVectors(TestModels.input(steps, 3, 1e-6, 5));
        GradientCurve c = GradientCurves.of(m, x, GradientObjective.sumOfLastState(), "RNN");

        double[] logNorm = TestModels.log(c.norm());
        assertEquals(Math.log(a), TestModels.slope(logNorm, 0, steps), 1e-4);
        for (int k = 1; k < steps; k++)
            assertEquals(Math.log(a), logNorm[k] - logNorm[k - 1], 1e-4, "step back " + k);
        assertEquals(a, c.sigmaMax(), 1e-9, "σ_max of a·Q is a");
        // the bound σ_max^k is reached: the straight line and the bound coincide
        for (int k = 0; k < steps; k++) assertEquals(1.0, c.norm()[k] / c.bound()[k], 1e-3);
        assertNull(c.forgetProduct());
    }

    @Test
    void vanillaBoundIsAboveTheCurveWhenTanhSaturates() {
        RnnModel m = TestModels.vanilla(3, 16, 1.5, 3);
        InputBatch x = InputBatch.ofVectors(TestModels.input(30, 3, 2.0, 4));
        GradientCurve c = GradientCurves.of(m, x, GradientObjective.sumOfLastState(), "RNN");
        for (int k = 0; k < 30; k++) assertTrue(c.norm()[k] <= c.bound()[k] * (1 + 1e-9), "k=" + k);
        assertTrue(c.norm()[29] < 0.1 * c.bound()[29], "saturated tanh makes the gradient fall well below the bound");
    }

    /**
     * Forget gates at σ(12) ≈ 1 and small recurrent weights: the cell path carries the gradient back unchanged, so
     * after the first step back (which passes o, tanh' and the gates once) the curve stays flat.
     */
    @Test
    void lstmWithForgetGatesNearOneKeepsTheCurveFlat() {
        int steps = 60;
        RnnModel m = TestModels.random(CellType.LSTM, 3, 16, 0.1, 12.0, 7);
        InputBatch x = InputBatch.ofVectors(TestModels.input(steps, 3, 0.1, 8));
        GradientCurve c = GradientCurves.of(m, x, GradientObjective.sumOfLastState(), "LSTM");
        double ref = c.norm()[1];
        for (int k = 1; k < steps; k++) {
            double ratio = c.norm()[k] / ref;
            assertTrue(ratio > 0.5 && ratio < 2, "k=" + k + " ratio " + ratio);
        }
        double rate = Math.exp(TestModels.slope(TestModels.log(c.norm()), 1, steps));
        assertEquals(1.0, rate, 0.01, "per-step factor of the flat curve");
        assertNotNull(c.forgetProduct());
        assertEquals(c.cellNorm()[0], c.forgetProduct()[0], 1e-12, "the forget product starts at the k = 0 value");
        for (int k = 1; k < steps; k++)
            assertEquals(1.0, c.cellNorm()[k] / c.forgetProduct()[k], 0.3, "the cell path carries ∂L/∂C_t, k=" + k);
        assertTrue(c.forgetProduct()[steps - 1] / c.forgetProduct()[0] > 0.99, "Π f ≈ 1");

        // the same LSTM with forget gates near 0.5 forgets fast
        GradientCurve closed = GradientCurves.edited(m, x, GradientObjective.sumOfLastState(),
                new WeightEdit(1.0, 0.0, 0), "LSTM b=0");
        assertTrue(closed.norm()[30] < 1e-4 * closed.norm()[1], "with f ≈ 0.5 the gradient vanishes");
    }

    @Test
    void forgetProductMultipliesTheAnchorGradientByTheForgetGatesOfLaterSteps() {
        RnnModel m = TestModels.random(CellType.LSTM, 2, 1, 1.0, 0.5, 9);
        InputBatch x = InputBatch.ofVectors(TestModels.input(6, 2, 1.0, 10));
        var trace = org.rnnexplorer.model.ForwardPass.run(m, x);
        GradientCurve c = GradientCurves.of(m, x, GradientObjective.sumOfLastState(), "LSTM");
        double expected = c.cellNorm()[0]; // |dL/dc_5| for one unit
        for (int k = 1; k < 6; k++) {
            expected *= trace.gate(0, 1, 6 - k, 0); // f_{T−k}
            assertEquals(expected, c.forgetProduct()[k], 1e-12, "k=" + k);
        }
    }

    @Test
    void whatIfScalesTheSlopeAndLeavesTheModelAlone() {
        RnnModel m = TestModels.vanilla(3, 8, 0.8, 1);
        double before = m.layer(0).wHh.get(0, 0);
        InputBatch x = InputBatch.ofVectors(TestModels.input(20, 3, 1e-6, 2));
        GradientCurve c = GradientCurves.edited(m, x, GradientObjective.sumOfLastState(), new WeightEdit(1.5, Double.NaN, 50),
                "RNN");
        assertEquals(50, c.steps(), "the sequence length slider repeats the input");
        assertEquals(Math.log(1.2), TestModels.slope(TestModels.log(c.norm()), 0, 50), 1e-4);
        assertEquals(1.2, c.sigmaMax(), 1e-9);
        assertEquals(before, m.layer(0).wHh.get(0, 0), 0.0);
    }

    @Test
    void theLengthSliderRepeatsTheInputFromItsStart() {
        InputBatch x = InputBatch.ofVectors(TestModels.input(50, 16, 1.0, 2));
        InputBatch longer = new WeightEdit(1.0, Double.NaN, 200).resize(x);
        assertEquals(200, longer.steps());
        for (int t = 0; t < 200; t++) assertSame(x.vector(0, t % 50), longer.vector(0, t), "step " + t);
        RnnModel m = TestModels.random(CellType.LSTM, 16, 64, 1.0, 1.0, 1);
        GradientCurve c = GradientCurves.edited(m, x, GradientObjective.sumOfLastState(), new WeightEdit(0.5, 0.1, 200),
                "LSTM");
        assertEquals(200, c.steps());
        assertEquals(200, c.forgetProduct().length, "the LSTM curve carries its forget product over all 200 steps");
    }

    @Test
    void whatIfSetsTheForgetBiasOfEveryUnit() {
        RnnModel m = TestModels.random(CellType.LSTM, 2, 4, 1.0, Double.NaN, 3);
        RnnModel changed = new WeightEdit(1.0, 3.0, 0).apply(m);
        for (int u = 0; u < 4; u++) assertEquals(3.0, WeightEdit.keepBiasOf(changed, 0, u), 0.0);
        assertEquals(m.layer(0).bIh.get(0, 0), changed.layer(0).bIh.get(0, 0), 0.0, "input gate untouched");
    }

    @Test
    void compareRunsTheSameInputThroughThreeCellsOfTheSameSize() {
        RnnModel like = TestModels.random(CellType.LSTM, 3, 8, 1.0, Double.NaN, 4);
        List<RnnModel> peers = CellPeers.sameSize(like, 42, 1.0);
        InputBatch x = InputBatch.ofVectors(TestModels.input(25, 3, 1.0, 6));
        List<GradientCurve> curves = GradientCurves.compare(peers, x, GradientObjective.sumOfLastState());
        assertEquals(List.of("vanilla RNN", "LSTM", "GRU"), curves.stream().map(GradientCurve::label).toList());
        assertEquals(List.of(CellType.RNN, CellType.LSTM, CellType.GRU), curves.stream().map(GradientCurve::cell).toList());
        for (GradientCurve c : curves) {
            assertEquals(25, c.steps());
            assertEquals(8, peers.get(curves.indexOf(c)).hiddenSize());
            assertTrue(c.norm()[0] > 0 && c.norm()[24] > 0, c.label() + " has a gradient at both ends");
        }
    }

    @Test
    void ownLossNeedsAReadout() {
        RnnModel m = TestModels.vanilla(3, 4, 0.5, 1);
        InputBatch x = InputBatch.ofVectors(TestModels.input(5, 3, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCurves.of(m, x, GradientObjective.ownLoss(), "RNN"));
        assertTrue(e.getMessage().contains("readout"));
    }
}
