package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The vanilla (Elman) cell: {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}.
 * Backward: {@code dL/dpre = dL/dh_t ⊙ (1 − h_t²)}, the same on the input and the recurrent side.
 */
final class VanillaKernel extends CellKernel {

    @Override
    void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState) {
        DMatrixRMaj z = lt.pre[t], a = lt.act[t], h = lt.h[t];
        addRecurrent(ws, lt.hPrev(t), zeroState, z);
        double[] zd = z.data, ad = a.data;
        for (int i = 0; i < zd.length; i++) ad[i] = Activations.tanh(zd[i]);
        clamps.applyGates(t, a);
        System.arraycopy(ad, 0, h.data, 0, ad.length);
        clamps.applyHidden(t, h);
    }

    @Override
    void backward(LayerTrace lt, int t, Clamps clamps, DMatrixRMaj dh, DMatrixRMaj dcCarry,
                  DMatrixRMaj dcAt, DMatrixRMaj dPreIh, DMatrixRMaj dPreHh, DMatrixRMaj dhDirect) {
        double[] a = lt.act[t].data, dhd = dh.data, dp = dPreIh.data;
        for (int i = 0; i < dp.length; i++) dp[i] = dhd[i] * (1.0 - a[i] * a[i]);
        clamps.blockGates(t, dPreIh);
    }
}
