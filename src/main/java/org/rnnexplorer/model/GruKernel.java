package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The GRU cell as PyTorch and cuDNN compute it ("reset after": the reset gate scales the recurrent product, bias
 * included), with blocks r, z, n:
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Backward, with dh the total dL/dh':
 * <pre>
 * dpre_n = dh ⊙ (1−z) ⊙ (1−n²)      dpre_z = dh ⊙ (h − n) ⊙ z(1−z)
 * dpre_r = dpre_n ⊙ hn ⊙ r(1−r)     recurrent side of n: dpre_n ⊙ r      dh_prev ∋ dh ⊙ z
 * </pre>
 */
final class GruKernel extends CellKernel {

    @Override
    void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState) {
        DMatrixRMaj z = lt.pre[t], a = lt.act[t], scratch = ws.scratch;
        DMatrixRMaj hPrev = lt.hPrev(t);
        setRows(z, w.bIh);
        MatrixKernels.multAdd(lt.x[t], ws.wIhT, z, ws.rowScratch);
        setRows(scratch, w.bHh);
        if (!zeroState) MatrixKernels.multAdd(hPrev, ws.wHhT, scratch, ws.rowScratch);
        int hs = hPrev.numCols, gh = 3 * hs, rows = z.numRows;
        double[] zd = z.data, sd = scratch.data, ad = a.data, hn = lt.hn[t].data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh;
            for (int u = 0; u < 2 * hs; u++) {
                zd[o + u] += sd[o + u];
                ad[o + u] = Activations.sigmoid(zd[o + u]);
            }
        }
        clamps.applyGates(t, a);
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double hnv = sd[o + 2 * hs + u];
                hn[s + u] = hnv;
                zd[o + 2 * hs + u] += ad[o + u] * hnv;
                ad[o + 2 * hs + u] = Activations.tanh(zd[o + 2 * hs + u]);
            }
        }
        clamps.applyGates(t, a);
        double[] hp = hPrev.data, hd = lt.h[t].data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double zz = ad[o + hs + u];
                hd[s + u] = (1.0 - zz) * ad[o + 2 * hs + u] + zz * hp[s + u];
            }
        }
        clamps.applyHidden(t, lt.h[t]);
    }

    @Override
    void backward(LayerTrace lt, int t, Clamps clamps, LayerGradients g) {
        DMatrixRMaj dh = g.dhLocal;
        dh.setTo(g.dH[t]);
        clamps.blockHidden(t, dh);
        int hs = dh.numCols, gh = 3 * hs, rows = dh.numRows;
        double[] dhd = dh.data, ad = lt.act[t].data, hp = lt.hPrev(t).data, hn = lt.hn[t].data;
        double[] di = g.dPreIh.data, dr = g.dPreHh.data, dd = g.dhDirect.data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double r = ad[o + u], zz = ad[o + hs + u], n = ad[o + 2 * hs + u], d = dhd[s + u];
                di[o + 2 * hs + u] = d * (1.0 - zz) * (1.0 - n * n);
                di[o + hs + u] = d * (hp[s + u] - n) * zz * (1.0 - zz);
                dd[s + u] = d * zz;
            }
        }
        // a clamped candidate passes no gradient to r or to its own weights
        clamps.blockGates(t, g.dPreIh);
        for (int b = 0; b < rows; b++) {
            int o = b * gh, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double r = ad[o + u], dn = di[o + 2 * hs + u];
                di[o + u] = dn * hn[s + u] * r * (1.0 - r);
            }
        }
        clamps.blockGates(t, g.dPreIh);
        for (int b = 0; b < rows; b++) {
            int o = b * gh;
            for (int u = 0; u < 2 * hs; u++) dr[o + u] = di[o + u];
            for (int u = 0; u < hs; u++) dr[o + 2 * hs + u] = di[o + 2 * hs + u] * ad[o + u];
        }
    }
}
