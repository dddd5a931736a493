package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** What the forward steps of one layer share, rebuilt from the weights at the start of a pass ({@link #prepare}). */
final class LayerWorkspace {
    private final CellType cell;
    /** W_ih transposed, as {@code in} rows of length G*H: row k is column k of W_ih, what a one-hot x_t = e_k adds. */
    final double[][] wIhT;
    /** W_hh transposed, as H rows of length G*H. */
    final double[][] wHhT;
    /** b_ih + b_hh, [1][G*H]. */
    final DMatrixRMaj biasSum;
    /**
     * The bias the input side starts from, [1][G*H]: b_ih + b_hh for the RNN and the LSTM (whose pre-activation is
     * one sum), b_ih for the GRU (whose recurrent side keeps b_hh inside the reset gate's product).
     */
    final DMatrixRMaj inputBias;
    /** Whether every entry of W_ih is finite, so that a one-hot input may take a row of {@link #wIhT} as its product. */
    boolean inputWeightsFinite;
    /** A [B][G*H] matrix a step may overwrite. */
    final DMatrixRMaj scratch;
    /** One row of G*H numbers for the kernels. */
    final double[] rowScratch;

    LayerWorkspace(CellType cell, int batch, int in, int hidden) {
        this.cell = cell;
        int gh = cell.blocks() * hidden;
        wIhT = new double[in][gh];
        wHhT = new double[hidden][gh];
        biasSum = new DMatrixRMaj(1, gh);
        inputBias = new DMatrixRMaj(1, gh);
        scratch = new DMatrixRMaj(batch, gh);
        rowScratch = new double[gh];
    }

    void prepare(LayerWeights w) {
        MatrixKernels.toTransposedRows(w.wIh, wIhT);
        MatrixKernels.toTransposedRows(w.wHh, wHhT);
        CommonOps_DDRM.add(w.bIh, w.bHh, biasSum);
        inputBias.setTo(cell == CellType.GRU ? w.bIh : biasSum);
        boolean finite = true;
        for (double v : w.wIh.data) finite &= Double.isFinite(v);
        inputWeightsFinite = finite;
    }
}
