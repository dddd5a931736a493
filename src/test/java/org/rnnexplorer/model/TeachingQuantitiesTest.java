package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** σ_max, the vanilla bound, the forget-gate product and the gradient curve: what the gradient chart draws. */
class TeachingQuantitiesTest {

    /** A Householder reflection I − 2vvᵀ/‖v‖², orthogonal, for a random v. */
    static DMatrixRMaj orthogonal(int n, Random r) {
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
            s += v[i] * v[i];
        }
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q.add(i, j, -2 * v[i] * v[j] / s);
        return q;
    }

    @Test
    void largestSingularValueOfKnownMatrices() {
        DMatrixRMaj d = CommonOps_DDRM.diag(3.0, -5.0, 2.0, 0.5);
        assertEquals(5.0, RecurrentSpectrum.largestSingularValue(d), 1e-12);
        assertEquals(-5.0, d.get(1, 1), 0.0, "the input is left as it was");
        DMatrixRMaj q = orthogonal(6, new Random(1));
        CommonOps_DDRM.scale(0.8, q);
        assertEquals(0.8, RecurrentSpectrum.largestSingularValue(q), 1e-12);
        // a rank-one matrix u vᵀ has σ_max = ‖u‖ ‖v‖
        DMatrixRMaj r1 = new DMatrixRMaj(new double[][] {{3 * 1, 3 * 2}, {4 * 1, 4 * 2}, {0, 0}});
        assertEquals(5.0 * Math.sqrt(5.0), RecurrentSpectrum.largestSingularValue(r1), 1e-12);
    }

    @Test
    void perLayerAndPerGateBlockOfAnLstm() {
        int h = 5;
        double[] scales = {0.5, 1.5, 0.2, 0.9};
        RnnModel m = RandomModels.model(CellType.LSTM, 3, h, 2, 0, false, 0, 0.5, new Random(2));
        Random r = new Random(3);
        DMatrixRMaj w = m.layer(1).wHh;
        for (int g = 0; g < 4; g++) {
            DMatrixRMaj q = orthogonal(h, r);
            CommonOps_DDRM.scale(scales[g], q);
            CommonOps_DDRM.insert(q, w, g * h, 0);
        }
        RecurrentSpectrum s = RecurrentSpectrum.of(m);
        for (int g = 0; g < 4; g++) assertEquals(scales[g], s.sigmaMax(1, g), 1e-12, "block " + g);
        // stacked orthogonal blocks: W_hhᵀ W_hh = Σ c_g² I, so σ_max = √(Σ c_g²)
        assertEquals(Math.sqrt(0.25 + 2.25 + 0.04 + 0.81), s.sigmaMax(1), 1e-12);
        assertEquals(RecurrentSpectrum.largestSingularValue(m.layer(0).wHh), s.sigmaMax(0), 0.0);
        double sumSquares = 0;
        for (int g = 0; g < 4; g++) sumSquares += s.sigmaMax(0, g) * s.sigmaMax(0, g);
        assertTrue(s.sigmaMax(0) <= Math.sqrt(sumSquares) + 1e-12);
        assertTrue(s.sigmaMax(0) >= s.sigmaMax(0, 1), "a block stretches no more than the whole");
    }

    @Test
    void vanillaBoundHoldsForTheEmpiricalJacobian() {
        int h = 4, steps = 12;
        for (long seed = 10; seed < 15; seed++) {
            Random r = new Random(seed);
            RnnModel m = RandomModels.model(CellType.RNN, 2, h, 1, 0, false, 0, 0.9, r);
            InputBatch x = InputBatch.ofVectorBatch(RandomModels.vectors(1, steps, 2, r));
            Trace tr = ForwardPass.run(m, x);
            double sigma = RecurrentSpectrum.of(m).sigmaMax(0);
            double[] bound = VanillaGradientBound.curve(m, 0, steps);
            assertEquals(Math.pow(sigma, 3), bound[3], 1e-15 * bound[3]);
            // row u of J_t = ∂h_{T−1}/∂h_t is dL/dh_t for L = h_{T−1}[u]
            DMatrixRMaj[] jacobian = new DMatrixRMaj[steps];
            for (int t = 0; t < steps; t++) jacobian[t] = new DMatrixRMaj(h, h);
            for (int u = 0; u < h; u++) {
                Gradients g = BackwardPass.run(m, tr, DotObjective.unit(h, u));
                for (int t = 0; t < steps; t++) for (int j = 0; j < h; j++) jacobian[t].set(u, j, g.layer(0).dH[t].get(0, j));
            }
            assertEquals(1.0, RecurrentSpectrum.largestSingularValue(jacobian[steps - 1]), 1e-12, "J = I at k = 0");
            for (int t = 0; t < steps; t++) {
                int k = steps - 1 - t;
                double norm = RecurrentSpectrum.largestSingularValue(jacobian[t]);
                assertTrue(norm <= bound[k] * (1 + 1e-12), "seed " + seed + " k=" + k + ": ‖J‖ " + norm
                        + " > (σ_max)^k " + bound[k]);
            }
        }
    }

    @Test
    void forgetProductIsTheProductOfTheTracedForgetGates() {
        RnnModel m = RandomModels.model(CellType.LSTM, 3, 4, 2, 6, true, 0, 0.8, new Random(4));
        Trace tr = ForwardPass.run(m, InputBatch.ofTokens(0, 5, 3, 1, 1, 2, 4, 0));
        for (int l = 0; l < 2; l++) {
            ForgetGateProduct p = ForgetGateProduct.of(tr, l);
            for (int t = 0; t < 8; t++) {
                double mean = 0;
                for (int u = 0; u < 4; u++) {
                    double expected = 1;
                    for (int s = t + 1; s < 8; s++) expected *= tr.gate(l, 1, s, u);
                    assertEquals(expected, p.get(t, u), 1e-15);
                    mean += expected / 4;
                }
                assertEquals(mean, p.mean(t), 1e-15);
                assertEquals(mean, p.meanByStepsBack()[7 - t], 1e-15);
            }
            assertEquals(1.0, p.get(7, 2), 0.0, "nothing to forget after the last step");
        }
        // a forget gate clamped shut cuts the path: every product reaching back past it is 0
        Trace cut = ForwardPass.run(m, InputBatch.ofTokens(0, 5, 3, 1, 1, 2, 4, 0),
                List.of(Intervention.clampGate(0, 1, 2, 5, 5, 0.0)));
        ForgetGateProduct p = ForgetGateProduct.of(cut, 0);
        for (int t = 0; t < 5; t++) assertEquals(0.0, p.get(t, 2));
        assertTrue(p.get(5, 2) > 0);
        assertThrows(IllegalArgumentException.class,
                () -> ForgetGateProduct.of(ForwardPass.run(RandomModels.model(CellType.GRU, 3, 4, 1, 6, false, 0,
                        0.5, new Random(5)), InputBatch.ofTokens(1, 2)), 0));
    }

    @Test
    void lstmCellPathCarriesTheGradientWhereTheVanillaRnnLosesIt() {
        int h = 4, d = 2, steps = 60;
        Random r = new Random(6);
        double[][][] x = RandomModels.vectors(1, steps, d, r);

        // LSTM with weights near 0, forget bias large (f ≈ σ(10) ≈ 0.99995), input and output gates nearly shut
        RnnModel lstm = RandomModels.model(CellType.LSTM, d, h, 1, 0, false, 0, 0.01, r);
        LayerWeights w = lstm.layer(0);
        for (int u = 0; u < h; u++) {
            for (DMatrixRMaj b : List.of(w.bIh, w.bHh)) {
                b.set(0, u, -5.0);          // input
                b.set(0, h + u, 5.0);       // forget
                b.set(0, 3 * h + u, -5.0);  // output
            }
        }
        Trace lt = ForwardPass.run(lstm, InputBatch.ofVectorBatch(x));
        ForgetGateProduct p = ForgetGateProduct.of(lt, 0);
        assertTrue(p.mean(0) > 0.99, "after 59 steps the cell still carries " + p.mean(0));
        Gradients lg = BackwardPass.run(lstm, lt, DotObjective.sum(h));
        for (int t = 0; t < steps; t++)
            for (int u = 0; u < h; u++) {
                double expected = lg.layer(0).dC[steps - 1].get(0, u) * p.get(t, u);
                assertEquals(expected, lg.layer(0).dC[t].get(0, u), 1e-3 * Math.abs(expected),
                        "dL/dc_t ≈ dL/dc_{T−1} · Π f along the cell path");
            }
        double[] cCurve = GradientNormCurve.cell(lg, 0);
        assertTrue(cCurve[steps - 1] > 0.99 * cCurve[0]);

        // vanilla RNN with W_hh = 0.8 Q (σ_max = 0.8 < 1): the gradient decays at least as fast as 0.8^k
        RnnModel rnn = RandomModels.model(CellType.RNN, d, h, 1, 0, false, 0, 0.5, r);
        DMatrixRMaj q = orthogonal(h, r);
        CommonOps_DDRM.scale(0.8, q);
        rnn.layer(0).wHh.setTo(q);
        Gradients vg = BackwardPass.run(rnn, ForwardPass.run(rnn, InputBatch.ofVectorBatch(x)), DotObjective.sum(h));
        double[] curve = GradientNormCurve.hidden(vg, 0);
        double[] bound = VanillaGradientBound.curve(RecurrentSpectrum.of(rnn).sigmaMax(0), steps);
        assertEquals(vg.layer(0).hNorm(steps - 1), curve[0], 0.0);
        assertEquals(Math.sqrt(h), curve[0], 1e-12, "‖dL/dh_{T−1}‖ = ‖(1,..,1)‖");
        for (int k = 0; k < steps; k++) assertTrue(curve[k] <= bound[k] * curve[0] * (1 + 1e-12), "k=" + k);
        assertTrue(curve[steps - 1] < 1e-5 * curve[0], "vanished: " + curve[steps - 1] / curve[0]);
        assertArrayEquals(new double[] {1, 0.8, 0.64000000000000001}, VanillaGradientBound.curve(0.8, 3), 1e-15);
    }
}
