package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
     * @param wIhT W_ih transposed, [in][G*H]
     * @param wHhT W_hh transposed, [H][G*H]
     * @param scratch a [B][G*H] matrix the kernel may overwrite
     */
    abstract void forward(LayerWeights w, DMatrixRMaj wIhT, DMatrixRMaj wHhT, LayerTrace lt, int t, Clamps clamps,
                          DMatrixRMaj scratch);

    /**
     * Back-propagates step t. On entry {@code g.dH[t]} holds the total dL/dh_t and, for the LSTM, {@code dcNext}
     * the gradient reaching c_t from c_{t+1}. Writes the pre-activation gradients into {@code g.dPreIh} (input side)
     * and {@code g.dPreHh} (recurrent side; they differ only in the GRU candidate), records dL/dc_t, and leaves in
     * {@code g.dhDirect} the part of dL/dh_{t-1} that bypasses W_hh (GRU's z ⊙ h path), and in {@code g.dcNext}
     * dL/dc_{t-1} through the cell path.
     */
    abstract void backward(LayerTrace lt, int t, Clamps clamps, LayerGradients g);

    /** {@code z[b][:] += bias[:]} for every row of {@code z}. */
    static void addRowVector(DMatrixRMaj z, DMatrixRMaj bias) {
        int n = z.numCols;
        double[] zd = z.data, bd = bias.data;
        for (int b = 0, off = 0; b < z.numRows; b++, off += n) {
            for (int j = 0; j < n; j++) zd[off + j] += bd[j];
        }
    }

    /** Input and recurrent products for every block: {@code Z = x_t W_ih^T + h_{t-1} W_hh^T + b_ih + b_hh}. */
    static void affine(LayerWeights w, DMatrixRMaj wIhT, DMatrixRMaj wHhT, DMatrixRMaj x, DMatrixRMaj hPrev,
                       DMatrixRMaj z) {
        CommonOps_DDRM.mult(x, wIhT, z);
        CommonOps_DDRM.multAdd(hPrev, wHhT, z);
        addRowVector(z, w.bIh);
        addRowVector(z, w.bHh);
    }
}
