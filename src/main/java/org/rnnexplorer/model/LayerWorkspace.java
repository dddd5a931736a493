package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** What the forward steps of one layer share, rebuilt from the weights at the start of every pass. */
final class LayerWorkspace {
    /** W_ih transposed, as {@code in} rows of length G*H. */
    final double[][] wIhT;
    /** W_hh transposed, as H rows of length G*H. */
    final double[][] wHhT;
    /** b_ih + b_hh, [1][G*H]. */
    final DMatrixRMaj biasSum;
    /** A [B][G*H] matrix a step may overwrite. */
    final DMatrixRMaj scratch;
    /** One row of G*H numbers for the kernels. */
    final double[] rowScratch;

    LayerWorkspace(CellType cell, int batch, int in, int hidden) {
        int gh = cell.blocks() * hidden;
        wIhT = new double[in][gh];
        wHhT = new double[hidden][gh];
        biasSum = new DMatrixRMaj(1, gh);
        scratch = new DMatrixRMaj(batch, gh);
        rowScratch = new double[gh];
    }

    void prepare(LayerWeights w) {
        MatrixKernels.toTransposedRows(w.wIh, wIhT);
        MatrixKernels.toTransposedRows(w.wHh, wHhT);
        CommonOps_DDRM.add(w.bIh, w.bHh, biasSum);
    }
}
