package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * One cell type's step, forward and backward, over a batch held as matrix rows. Implementations write into the
 * preallocated matrices of a {@link LayerTrace} and {@link LayerGradients}; they allocate nothing.
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
     * Computes step t of one layer: pre-activations, activations, c_t and h_t, applying the layer's clamps.
     *
     * @param ws the layer's transposed weights and scratch, prepared for this pass
     * @param zeroState whether h_{t−1} is all zeros (so its product with W_hh is skipped)
     */
    abstract void forward(LayerWeights w, LayerWorkspace ws, LayerTrace lt, int t, Clamps clamps, boolean zeroState);

    /**
     * Back-propagates step t. On entry {@code g.dH[t]} holds the total dL/dh_t and, for the LSTM, {@code dcNext}
     * the gradient reaching c_t from c_{t+1}. Writes the pre-activation gradients into {@code g.dPreIh} (input side)
     * and {@code g.dPreHh} (recurrent side; they differ only in the GRU candidate, and are one matrix otherwise),
     * records dL/dc_t, and leaves in {@code g.dcNext} dL/dc_{t-1} through the cell path and, for the GRU, in
     * {@code g.dhDirect} the part of dL/dh_{t-1} that bypasses W_hh (the z ⊙ h path).
     */
    abstract void backward(LayerTrace lt, int t, Clamps clamps, LayerGradients g);

    /** {@code z[b][:] = bias[:]} for every row of {@code z}. */
    static void setRows(DMatrixRMaj z, DMatrixRMaj bias) {
        int n = z.numCols;
        for (int b = 0; b < z.numRows; b++) System.arraycopy(bias.data, 0, z.data, b * n, n);
    }

    /**
     * Input and recurrent products for every block:
     * {@code Z = (b_ih + b_hh) + x_t W_ihᵀ + h_{t−1} W_hhᵀ}, the last term skipped when h_{t−1} = 0.
     */
    static void affine(LayerWorkspace ws, DMatrixRMaj x, DMatrixRMaj hPrev, boolean zeroState, DMatrixRMaj z) {
        setRows(z, ws.biasSum);
        MatrixKernels.multAdd(x, ws.wIhT, z, ws.rowScratch);
        if (!zeroState) MatrixKernels.multAdd(hPrev, ws.wHhT, z, ws.rowScratch);
    }
}
