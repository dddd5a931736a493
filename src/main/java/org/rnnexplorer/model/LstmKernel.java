package org.rnnexplorer.model;

import static org.rnnexplorer.model.GateBlocks.LSTM_CANDIDATE;
import static org.rnnexplorer.model.GateBlocks.LSTM_FORGET;
import static org.rnnexplorer.model.GateBlocks.LSTM_INPUT;
import static org.rnnexplorer.model.GateBlocks.LSTM_OUTPUT;

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
        addRecurrent(ws, lt.hPrev(t), zeroState, z);
        int hs = lt.h[t].numCols, gh = 4 * hs, rows = z.numRows;
        double[] zd = z.data, ad = a.data, cp = lt.cPrev(t).data, cd = lt.c[t].data;
        double[] tc = lt.tanhC[t].data, hd = lt.h[t].data;
        if (clamps.isEmpty()) {
            // the same arithmetic as below, one pass over the units
            for (int b = 0; b < rows; b++) {
                int i = b * gh + LSTM_INPUT * hs, f = b * gh + LSTM_FORGET * hs;
                int g = b * gh + LSTM_CANDIDATE * hs, o = b * gh + LSTM_OUTPUT * hs, s = b * hs;
                for (int u = 0; u < hs; u++) {
                    double gi = Activations.sigmoid(zd[i + u]), gf = Activations.sigmoid(zd[f + u]);
                    double gg = Activations.tanh(zd[g + u]), go = Activations.sigmoid(zd[o + u]);
                    ad[i + u] = gi;
                    ad[f + u] = gf;
                    ad[g + u] = gg;
                    ad[o + u] = go;
                    double c = gf * cp[s + u] + gi * gg, th = Activations.tanh(c);
                    cd[s + u] = c;
                    tc[s + u] = th;
                    hd[s + u] = go * th;
                }
            }
            return;
        }
        for (int b = 0; b < rows; b++) {
            int i = b * gh + LSTM_INPUT * hs, f = b * gh + LSTM_FORGET * hs;
            int g = b * gh + LSTM_CANDIDATE * hs, o = b * gh + LSTM_OUTPUT * hs;
            for (int u = 0; u < hs; u++) {
                ad[i + u] = Activations.sigmoid(zd[i + u]);
                ad[f + u] = Activations.sigmoid(zd[f + u]);
                ad[g + u] = Activations.tanh(zd[g + u]);
                ad[o + u] = Activations.sigmoid(zd[o + u]);
            }
        }
        clamps.applyGates(t, a);
        for (int b = 0; b < rows; b++) {
            int i = b * gh + LSTM_INPUT * hs, f = b * gh + LSTM_FORGET * hs, g = b * gh + LSTM_CANDIDATE * hs;
            int s = b * hs;
            for (int u = 0; u < hs; u++) cd[s + u] = ad[f + u] * cp[s + u] + ad[i + u] * ad[g + u];
        }
        clamps.applyCell(t, lt.c[t]);
        for (int b = 0; b < rows; b++) {
            int o = b * gh + LSTM_OUTPUT * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double th = Activations.tanh(cd[s + u]);
                tc[s + u] = th;
                hd[s + u] = ad[o + u] * th;
            }
        }
        clamps.applyHidden(t, lt.h[t]);
    }

    @Override
    void backward(LayerTrace lt, int t, Clamps clamps, DMatrixRMaj dh, DMatrixRMaj dcCarry,
                  DMatrixRMaj dcAt, DMatrixRMaj dPreIh, DMatrixRMaj dPreHh, DMatrixRMaj dhDirect) {
        int hs = dh.numCols, gh = 4 * hs, rows = dh.numRows;
        double[] dhd = dh.data, ad = lt.act[t].data, tc = lt.tanhC[t].data, cp = lt.cPrev(t).data;
        double[] dca = dcAt.data, dcc = dcCarry.data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh + LSTM_OUTPUT * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                int k = s + u;
                dca[k] = dcc[k] + dhd[k] * ad[o + u] * (1.0 - tc[k] * tc[k]);
            }
        }
        // from here on dcCarry holds dL/dc_t with a clamped c_t blocked, and then dL/dc_{t-1}
        dcCarry.setTo(dcAt);
        clamps.blockCell(t, dcCarry);
        double[] dp = dPreIh.data;
        for (int b = 0; b < rows; b++) {
            int i = b * gh + LSTM_INPUT * hs, f = b * gh + LSTM_FORGET * hs;
            int g = b * gh + LSTM_CANDIDATE * hs, o = b * gh + LSTM_OUTPUT * hs;
            int s = b * hs;
            for (int u = 0; u < hs; u++) {
                double gi = ad[i + u], gf = ad[f + u], gg = ad[g + u], go = ad[o + u];
                double d = dcc[s + u];
                dp[i + u] = d * gg * gi * (1.0 - gi);
                dp[f + u] = d * cp[s + u] * gf * (1.0 - gf);
                dp[g + u] = d * gi * (1.0 - gg * gg);
                dp[o + u] = dhd[s + u] * tc[s + u] * go * (1.0 - go);
                dcc[s + u] = d * gf;
            }
        }
        clamps.blockGates(t, dPreIh);
    }
}
