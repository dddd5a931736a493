package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * What one layer computed at every step. Each array is indexed by step; each matrix has one row per sequence of the
 * batch. Gate blocks sit side by side in {@link CellType}'s order: column {@code g*H + u} is gate g of unit u.
 */
public final class LayerTrace {
    /** x_t, [B][in]: the embedded token, the numeric input, or the layer below's h_t (shared, not copied). */
    public final DMatrixRMaj[] x;
    /** Gate pre-activations, [B][G*H]. For the GRU candidate: {@code W_in x + b_in + r ⊙ (W_hn h + b_hn)}. */
    public final DMatrixRMaj[] pre;
    /** Gate activations (σ or tanh of {@link #pre}, after any clamp), [B][G*H]. */
    public final DMatrixRMaj[] act;
    /** h_t, [B][H]. */
    public final DMatrixRMaj[] h;
    /** c_t for the LSTM, [B][H]; null otherwise. */
    public final DMatrixRMaj[] c;
    /** tanh(c_t) for the LSTM; null otherwise. */
    public final DMatrixRMaj[] tanhC;
    /** GRU only: {@code W_hn h_{t-1} + b_hn}, the recurrent part of the candidate before the reset gate; else null. */
    public final DMatrixRMaj[] hn;
    /** The state before step 0: h_{-1} (and c_{-1}), zeros unless set for truncated BPTT. */
    public final DMatrixRMaj h0;
    public final DMatrixRMaj c0;
    /** h_{t−1} for every t: {@link #h0} first, then h_0 .. h_{T−2} (the same matrices, not copies). */
    final DMatrixRMaj[] hPrevs;

    LayerTrace(CellType cell, int batch, int steps, int in, int hidden, DMatrixRMaj[] sharedX) {
        int gh = cell.blocks() * hidden;
        x = sharedX != null ? sharedX : alloc(steps, batch, in);
        pre = alloc(steps, batch, gh);
        act = alloc(steps, batch, gh);
        h = alloc(steps, batch, hidden);
        c = cell == CellType.LSTM ? alloc(steps, batch, hidden) : null;
        tanhC = cell == CellType.LSTM ? alloc(steps, batch, hidden) : null;
        hn = cell == CellType.GRU ? alloc(steps, batch, hidden) : null;
        h0 = new DMatrixRMaj(batch, hidden);
        c0 = new DMatrixRMaj(batch, hidden);
        hPrevs = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) hPrevs[t] = t == 0 ? h0 : h[t - 1];
    }

    static DMatrixRMaj[] alloc(int steps, int rows, int cols) {
        DMatrixRMaj[] a = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) a[t] = new DMatrixRMaj(rows, cols);
        return a;
    }

    /** h_{t-1}: the initial state at t = 0. */
    public DMatrixRMaj hPrev(int t) {
        return t == 0 ? h0 : h[t - 1];
    }

    /** c_{t-1} (LSTM). */
    public DMatrixRMaj cPrev(int t) {
        return t == 0 ? c0 : c[t - 1];
    }
}
