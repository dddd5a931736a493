package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpointed BPTT against the full {@link BackwardPass} on the same model and input (which
 * {@code GradientCheckTest} checks against finite differences): the per-step gradients dL/dh_t, dL/dc_t, dL/dx_t of
 * every layer are the same numbers to the last bit, the parameter gradients and the loss agree within 1e-12
 * relative (to the largest entry of each parameter's gradient); with and without interventions, for chunks and
 * checkpoints that do and do not divide the length.
 */
class CheckpointedBackwardTest {

    /** kind: tokens (embedding, head, the model's mean loss), onehot (head, mean loss), numeric (no head, dot). */
    @ParameterizedTest
    @CsvSource({"LSTM,2,tokens,333,16,50,false", "LSTM,1,numeric,200,32,64,true", "GRU,3,tokens,257,8,24,true",
            "GRU,1,numeric,100,16,100,false", "RNN,2,onehot,301,10,35,false", "RNN,4,numeric,150,7,7,true",
            "LSTM,3,onehot,64,128,1024,true"})
    void equalsTheFullBackwardPass(CellType cell, int layers, String kind, int steps, int every, int chunk,
                                   boolean clamps) {
        Random r = new Random(steps * 31L + layers);
        boolean tokens = !kind.equals("numeric");
        int vocab = 6;
        RnnModel m = kind.equals("tokens") ? RandomModels.model(cell, 4, 7, layers, vocab, true, 0, 0.9, r)
                : kind.equals("onehot") ? oneHot(cell, vocab, 7, layers, r)
                : RandomModels.model(cell, 3, 7, layers, 0, false, 0, 0.9, r);
        int[] ids = tokens ? RandomModels.tokens(1, steps, vocab, r)[0] : null;
        InputBatch x = tokens ? InputBatch.ofTokens(ids) : InputBatch.ofVectors(RandomModels.vectors(1, steps, 3, r)[0]);
        List<Intervention> ivs = clamps ? List.of(Intervention.clampHidden(layers - 1, 2, steps / 3, steps / 2, 0.3),
                Intervention.clampGate(0, cell.blocks() - 1, 1, 5, steps - 5, 0.6)) : List.of();
        double[] v = new double[7];
        for (int u = 0; u < 7; u++) v[u] = r.nextGaussian();

        Trace full = ForwardPass.run(m, x, ivs);
        Objective whole = tokens ? CrossEntropyObjective.nextTokenEveryStep(ids) : new DotObjective(v);
        Gradients expected = BackwardPass.run(m, full, whole, ivs);

        for (int threads = 1; threads <= 2; threads++)
            checkAgainst(full, expected, m, x, ivs, ids, v, tokens, steps, layers, every, chunk, threads);
    }

    /** The checkpointed pass on one thread or on two (a pipeline over the chunks) gives the full pass's numbers. */
    private static void checkAgainst(Trace full, Gradients expected, RnnModel m, InputBatch x, List<Intervention> ivs,
                                     int[] ids, double[] v, boolean tokens, int steps, int layers, int every, int chunk,
                                     int threads) {
        CheckpointedBackward cb = new CheckpointedBackward(m, x, ivs, every, chunk).withThreads(threads);
        boolean[] seen = new boolean[steps];
        cb.forward((tr, g, from, n) -> {
            for (int t = 0; t < n; t++)
                for (int l = 0; l < layers; l++)
                    assertArrayEquals(full.layer(l).h[from + t].data, tr.layer(l).h[t].data, 0.0, "h at " + (from + t));
        });
        StepObjective objective = tokens ? StepObjective.nextTokenEveryStep(ids) : StepObjective.dotAt(v, steps - 1);
        cb.backward(objective, (tr, g, from, n) -> {
            for (int t = 0; t < n; t++) {
                int s = from + t;
                seen[s] = true;
                for (int l = 0; l < layers; l++) {
                    LayerGradients e = expected.layer(l), a = g.layer(l);
                    assertArrayEquals(e.dH[s].data, a.dH[t].data, 0.0, "dL/dh, layer " + l + ", step " + s);
                    if (e.dC != null) assertArrayEquals(e.dC[s].data, a.dC[t].data, 0.0, "dL/dc at " + s);
                    assertArrayEquals(e.dX[s].data, a.dX[t].data, 0.0, "dL/dx at " + s);
                }
            }
        });
        for (int s = 0; s < steps; s++) assertTrue(seen[s], "step " + s + " was handed over");
        assertEquals(expected.loss(), cb.loss(), 1e-12 * Math.abs(expected.loss()));
        for (Map.Entry<String, DMatrixRMaj> e : expected.parameters().entrySet()) {
            double[] want = e.getValue().data, got = cb.parameterGradients().get(e.getKey()).data;
            double scale = 0;
            for (double w : want) scale = Math.max(scale, Math.abs(w));
            for (int i = 0; i < want.length; i++)
                assertEquals(want[i], got[i], 1e-12 * scale, e.getKey() + "[" + i + "]");
        }
        for (int l = 0; l < layers; l++)
            assertArrayEquals(expected.layer(l).dH0.data, cb.firstStepGradients(l).dH0.data, 0.0);
    }

    @Test
    void withoutParameterGradientsGivesTheSamePerStepGradientsAndLeavesDThetaZero() {
        Random r = new Random(5);
        RnnModel m = oneHot(CellType.LSTM, 6, 7, 2, r);
        int[] ids = RandomModels.tokens(1, 400, 6, r)[0];
        InputBatch x = InputBatch.ofTokens(ids);
        StepObjective objective = StepObjective.nextTokenEveryStep(ids);
        CheckpointedBackward all = new CheckpointedBackward(m, x, List.of(), 16, 64);
        all.forward(null);
        List<double[]> want = new java.util.ArrayList<>();
        all.backward(objective, (tr, g, from, n) -> {
            for (int t = 0; t < n; t++) want.add(g.layer(0).dX[t].data.clone());
        });
        CheckpointedBackward some = new CheckpointedBackward(m, x, List.of(), 16, 64).withoutParameterGradients();
        some.forward(null);
        int[] k = {0};
        some.backward(objective, (tr, g, from, n) -> {
            for (int t = 0; t < n; t++) assertArrayEquals(want.get(k[0]++), g.layer(0).dX[t].data, 0.0);
        });
        assertEquals(all.loss(), some.loss(), 0.0);
        for (DMatrixRMaj p : some.parameterGradients().values()) for (double d : p.data) assertEquals(0.0, d);
        assertTrue(all.parameterGradients().get("rnn.weight_hh_l0").data[0] != 0.0);
    }

    /** A model whose tokens enter one-hot (no embedding), with a readout. */
    static RnnModel oneHot(CellType cell, int vocab, int hidden, int layers, Random r) {
        RnnModel base = RandomModels.model(cell, vocab, hidden, layers, 0, true, vocab, 0.9, r);
        List<String> words = new java.util.ArrayList<>();
        for (int k = 0; k < vocab; k++) words.add("t" + k);
        return new RnnModel(cell, vocab, hidden, base.layers(), null, base.headWeight(), base.headBias(), words,
                "word", null);
    }
}
