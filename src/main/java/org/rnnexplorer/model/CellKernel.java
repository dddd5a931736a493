package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * One cell type's step, forward and backward, over a batch held as matrix rows (one row per sequence). Kernels hold
 * no state and allocate nothing: everything a step reads and writes is a parameter. Gate blocks sit side by side in
 * a row, block g of unit u in column {@code g·H + u} ({@link GateBlocks}).
 */
abstract class CellKernel {

    static CellKernel of(CellType cell) {
        return switch (cell) {
            case RNN -> new VanillaKernel();
            case LSTM -> new LstmKernel();
            case GRU -> new GruKernel();
        };
    }

    /**
     * Computes step t of one layer: pre-activations, activations, c_t and h_t, applying the layer's clamps. The
     * input side is already in {@code pre[t]} ({@link ForwardPass}'s input projection, done for a whole stretch of
     * steps before the recurrence: {@link LayerWorkspace#inputBias} + x_t W_ihᵀ); the kernel adds the recurrent side.
     *
     * @param w         the layer's weights. Not modified.
     * @param ws        the layer's transposed weights ({@link LayerWorkspace#prepare}d for this pass) and scratch.
     *                  Scratch modified.
     * @param lt        reads {@code pre[t]} (the input side), h_{t−1} (and c_{t−1}); writes {@code pre[t]},
     *                  {@code act[t]}, {@code h[t]} and, per cell, {@code c[t]}, {@code tanhC[t]} or {@code hn[t]}.
     *                  Modified.
     * @param zeroState whether h_{t−1} is all zeros (so its product with W_hh is skipped)
     */
    abstract void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState);

    /**
     * Back-propagates step t of one layer to its pre-activations.
     *
     * @param lt       the forward values of step t: {@code act[t]}, h_{t−1}, and per cell c_{t−1}, {@code tanhC[t]}
     *                 or {@code hn[t]}. Not modified.
     * @param dh       dL/dh_t in total (objective, layer above, step t+1), with the entries of units whose h_t is
     *                 clamped at t set to 0 (a clamped value passes nothing back). [B][H]. Not modified.
     * @param dcCarry  LSTM: on entry dL/dc_t through c_{t+1} (zeros after the last step); on exit dL/dc_{t−1}
     *                 through the cell path, {@code dc_t ⊙ f_t}. [B][H]. Modified. Unused by the other cells.
     * @param dcAt     LSTM: receives dL/dc_t in total (before any clamp of c_t blocks it). [B][H]. Modified.
     *                 Unused by the other cells.
     * @param dPreIh   receives dL/dpre_t on the input side, the gradient {@code W_ih} and x_t see. [B][G·H].
     *                 Modified.
     * @param dPreHh   receives dL/dpre_t on the recurrent side, the gradient {@code W_hh} and h_{t−1} see. The
     *                 same matrix as {@code dPreIh} when the two sides are equal
     *                 ({@link CellType#splitsRecurrentGradient()} false). [B][G·H]. Modified.
     * @param dhDirect GRU: receives the part of dL/dh_{t−1} that bypasses W_hh, {@code z ⊙ dh}. [B][H]. Modified.
     *                 Unused by the other cells.
     */
    abstract void backward(LayerTrace lt, int t, Clamps clamps, DMatrixRMaj dh, DMatrixRMaj dcCarry,
                           DMatrixRMaj dcAt, DMatrixRMaj dPreIh, DMatrixRMaj dPreHh, DMatrixRMaj dhDirect);

    /** {@code z[b][:] = bias[:]} for every row of {@code z}. */
    static void setRows(DMatrixRMaj z, DMatrixRMaj bias) {
        int n = z.numCols;
        for (int b = 0; b < z.numRows; b++) System.arraycopy(bias.data, 0, z.data, b * n, n);
    }

    /**
     * The recurrent product for every block, added to the input side z holds:
     * {@code Z = ((b_ih + b_hh) + x_t W_ihᵀ) + h_{t−1} W_hhᵀ}, the last term skipped when h_{t−1} = 0.
     */
    static void addRecurrent(LayerWorkspace ws, DMatrixRMaj hPrev, boolean zeroState, DMatrixRMaj z) {
        if (!zeroState) MatrixKernels.multAdd(hPrev, ws.wHhT, z, ws.rowScratch);
    }
}
