package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/** The per-step gradients of one layer, [B][..] per step, and the scratch rows its backward step works in. */
public final class LayerGradients {
    /** dL/dh_t through every later step and every layer above, [B][H]. */
    public final DMatrixRMaj[] dH;
    /** dL/dc_t (LSTM; null otherwise), [B][H]. */
    public final DMatrixRMaj[] dC;
    /** dL/dx_t, [B][in]: for layer 0 the gradient at the (embedded) input; above, the part of the lower dh. */
    public final DMatrixRMaj[] dX;
    /** dL/dh_{-1} and dL/dc_{-1}: the gradient reaching the initial state. */
    public final DMatrixRMaj dH0;
    public final DMatrixRMaj dC0;

    /** Gradient at the gate pre-activations of every step, input side and recurrent side, [B][G*H] each (one and
     * the same array unless {@link CellType#splitsRecurrentGradient()}). */
    final DMatrixRMaj[] dPreIhAt;
    final DMatrixRMaj[] dPreHhAt;
    /** dL/dh_t with clamped units zeroed, as the cell kernel reads it. */
    final DMatrixRMaj dhBlocked;
    /** dL/dh_{t−1} through the recurrence, and dL/dc_{t−1} through the cell path: what step t hands to step t−1. */
    final DMatrixRMaj dhNext;
    final DMatrixRMaj dcNext;
    /** GRU: the part of dL/dh_{t−1} that bypasses W_hh. */
    final DMatrixRMaj dhDirect;
    /** W_hh and W_ih as rows (copied at the start of every pass), for dL/dh_{t−1} = dpre W_hh and dL/dx_t = dpre W_ih. */
    final double[][] wHhRows;
    final double[][] wIhRows;
    /** One row of max(G*H, in) numbers for the kernels. */
    final double[] rowScratch;
    /** Workspace for summing the weight gradients over a batch (null for a batch of one). */
    final MatrixKernels.BatchChunk batchChunk;

    final CellType cell;

    LayerGradients(CellType cell, int batch, int steps, int in, int hidden) {
        this.cell = cell;
        int gh = cell.blocks() * hidden;
        dH = LayerTrace.alloc(steps, batch, hidden);
        dC = cell == CellType.LSTM ? LayerTrace.alloc(steps, batch, hidden) : null;
        dX = LayerTrace.alloc(steps, batch, in);
        dH0 = new DMatrixRMaj(batch, hidden);
        dC0 = new DMatrixRMaj(batch, hidden);
        dPreIhAt = LayerTrace.alloc(steps, batch, gh);
        dPreHhAt = cell.splitsRecurrentGradient() ? LayerTrace.alloc(steps, batch, gh) : dPreIhAt;
        dhBlocked = new DMatrixRMaj(batch, hidden);
        dhNext = new DMatrixRMaj(batch, hidden);
        dcNext = new DMatrixRMaj(batch, hidden);
        dhDirect = new DMatrixRMaj(batch, hidden);
        wHhRows = new double[gh][hidden];
        wIhRows = new double[gh][in];
        rowScratch = new double[Math.max(gh, in)];
        batchChunk = batch > 1 ? new MatrixKernels.BatchChunk(Math.max(in, hidden)) : null;
    }

    /** ‖dL/dh_t‖ of sequence 0 (Euclidean norm over the units). */
    public double hNorm(int t) {
        return rowNorm(dH[t]);
    }

    /** ‖dL/dc_t‖ of sequence 0 (LSTM). */
    public double cNorm(int t) {
        return rowNorm(dC[t]);
    }

    static double rowNorm(DMatrixRMaj m) {
        double s = 0;
        for (int j = 0; j < m.numCols; j++) s += m.data[j] * m.data[j];
        return Math.sqrt(s);
    }
}
