package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The LSTM cell, PyTorch's formulation with gate blocks i, f, g, o:
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)      f = σ(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg)   o = σ(W_io x + b_io + W_ho h + b_ho)
 * c' = f ⊙ c + i ⊙ g                         h' = o ⊙ tanh(c')
 * </pre>
 * Backward, with dh the total dL/dh_t:
 * <pre>
 * dc = dc_next + dh ⊙ o ⊙ (1 − tanh²c')      dc_prev = dc ⊙ f
 * dpre_i = dc ⊙ g ⊙ i(1−i)    dpre_f = dc ⊙ c ⊙ f(1−f)
 * dpre_g = dc ⊙ i ⊙ (1−g²)    dpre_o = dh ⊙ tanh c' ⊙ o(1−o)
 * </pre>
 */
final class LstmKernel extends CellKernel {

    @Override
    void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState) {
        DMatrixRMaj z = lt.pre[t], a = lt.act[t];
        affine(ws, lt.x[t], lt.hPrev(t), zeroState, z);
        int hs = lt.h[t].numCols, gh = 4 * hs, rows = z.numRows;
        double[] zd = z.data, ad = a.data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh;
            for (int u = 0; u < hs; u++) {
                ad[o + u] = Activations.sigmoid(zd[o + u]);
                ad[o + hs + u] = Activations.sigmoid(zd[o + hs + u]);
                ad[o + 2 * hs + u] = Activations.tanh(zd[o + 2 * hs + u]);
                ad[o + 3 * hs + u] = Activations.sigmoid(zd[o + 3 * hs + u]);
            }
        }
        clamps.applyGates(t, a);
        double[] cp = lt.cPrev(t).data, cd = lt.c[t].data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                cd[s + u] = ad[o + hs + u] * cp[s + u] + ad[o + u] * ad[o + 2 * hs + u];
            }
        }
        clamps.applyCell(t, lt.c[t]);
        double[] tc = lt.tanhC[t].data, hd = lt.h[t].data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double th = Activations.tanh(cd[s + u]);
                tc[s + u] = th;
                hd[s + u] = ad[o + 3 * hs + u] * th;
            }
        }
        clamps.applyHidden(t, lt.h[t]);
    }

    @Override
    void backward(LayerTrace lt, int t, Clamps clamps, LayerGradients g) {
        DMatrixRMaj dh = g.dhLocal;
        dh.setTo(g.dH[t]);
        clamps.blockHidden(t, dh);
        int hs = dh.numCols, gh = 4 * hs, rows = dh.numRows;
        double[] dhd = dh.data, ad = lt.act[t].data, tc = lt.tanhC[t].data, cp = lt.cPrev(t).data;
        double[] dcRec = g.dC[t].data, dcn = g.dcNext.data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh + 3 * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                int i = s + u;
                dcRec[i] = dcn[i] + dhd[i] * ad[o + u] * (1.0 - tc[i] * tc[i]);
            }
        }
        DMatrixRMaj dc = g.dcLocal;
        dc.setTo(g.dC[t]);
        clamps.blockCell(t, dc);
        double[] dcd = dc.data, dp = g.dPreIh.data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double gi = ad[o + u], gf = ad[o + hs + u], gg = ad[o + 2 * hs + u], go = ad[o + 3 * hs + u];
                double d = dcd[s + u];
                dp[o + u] = d * gg * gi * (1.0 - gi);
                dp[o + hs + u] = d * cp[s + u] * gf * (1.0 - gf);
                dp[o + 2 * hs + u] = d * gi * (1.0 - gg * gg);
                dp[o + 3 * hs + u] = dhd[s + u] * tc[s + u] * go * (1.0 - go);
                dcn[s + u] = d * gf;
            }
        }
        clamps.blockGates(t, g.dPreIh);
    }
}
