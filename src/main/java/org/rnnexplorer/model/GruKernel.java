package org.rnnexplorer.model;

import static org.rnnexplorer.model.GateBlocks.GRU_CANDIDATE;
import static org.rnnexplorer.model.GateBlocks.GRU_RESET;
import static org.rnnexplorer.model.GateBlocks.GRU_UPDATE;

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
 * The reset and update blocks come first in a row (r then z), so "the two σ blocks" are the columns
 * {@code [0, 2H)} and the candidate is {@code [2H, 3H)}.
 */
final class GruKernel extends CellKernel {

    @Override
    void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState) {
        DMatrixRMaj z = lt.pre[t], a = lt.act[t], scratch = ws.scratch;
        DMatrixRMaj hPrev = lt.hPrev(t);
        setRows(scratch, w.bHh);
        if (!zeroState) MatrixKernels.multAdd(hPrev, ws.wHhT, scratch, ws.rowScratch);
        int hs = hPrev.numCols, gh = 3 * hs, rows = z.numRows;
        double[] zd = z.data, sd = scratch.data, ad = a.data, hn = lt.hn[t].data;
        for (int b = 0; b < rows; b++) {
            int o = b * gh + GRU_RESET * hs; // r and z, side by side
            for (int u = 0; u < 2 * hs; u++) {
                zd[o + u] += sd[o + u];
                ad[o + u] = Activations.sigmoid(zd[o + u]);
            }
        }
        clamps.applyGates(t, a);
        for (int b = 0; b < rows; b++) {
            int r = b * gh + GRU_RESET * hs, n = b * gh + GRU_CANDIDATE * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double hnv = sd[n + u];
                hn[s + u] = hnv;
                zd[n + u] += ad[r + u] * hnv;
                ad[n + u] = Activations.tanh(zd[n + u]);
            }
        }
        clamps.applyGates(t, a);
        double[] hp = hPrev.data, hd = lt.h[t].data;
        for (int b = 0; b < rows; b++) {
            int zo = b * gh + GRU_UPDATE * hs, n = b * gh + GRU_CANDIDATE * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double zz = ad[zo + u];
                hd[s + u] = (1.0 - zz) * ad[n + u] + zz * hp[s + u];
            }
        }
        clamps.applyHidden(t, lt.h[t]);
    }

    @Override
    void backward(LayerTrace lt, int t, Clamps clamps, DMatrixRMaj dh, DMatrixRMaj dcCarry,
                  DMatrixRMaj dcAt, DMatrixRMaj dPreIh, DMatrixRMaj dPreHh, DMatrixRMaj dhDirect) {
        int hs = dh.numCols, gh = 3 * hs, rows = dh.numRows;
        double[] dhd = dh.data, ad = lt.act[t].data, hp = lt.hPrev(t).data, hn = lt.hn[t].data;
        double[] di = dPreIh.data, dr = dPreHh.data, dd = dhDirect.data;
        for (int b = 0; b < rows; b++) {
            int zo = b * gh + GRU_UPDATE * hs, n = b * gh + GRU_CANDIDATE * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double zz = ad[zo + u], nv = ad[n + u], d = dhd[s + u];
                di[n + u] = d * (1.0 - zz) * (1.0 - nv * nv);
                di[zo + u] = d * (hp[s + u] - nv) * zz * (1.0 - zz);
                dd[s + u] = d * zz;
            }
        }
        // a clamped candidate passes no gradient to r or to its own weights
        clamps.blockGates(t, dPreIh);
        for (int b = 0; b < rows; b++) {
            int r = b * gh + GRU_RESET * hs, n = b * gh + GRU_CANDIDATE * hs, s = b * hs;
            for (int u = 0; u < hs; u++) {
                double rv = ad[r + u];
                di[r + u] = di[n + u] * hn[s + u] * rv * (1.0 - rv);
            }
        }
        clamps.blockGates(t, dPreIh);
        for (int b = 0; b < rows; b++) {
            int r = b * gh + GRU_RESET * hs, n = b * gh + GRU_CANDIDATE * hs;
            for (int u = 0; u < 2 * hs; u++) dr[r + u] = di[r + u]; // r and z: both sides equal
            for (int u = 0; u < hs; u++) dr[n + u] = di[n + u] * ad[r + u];
        }
    }
}
