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

    final DMatrixRMaj dPreIh;
    final DMatrixRMaj dPreHh;
    final DMatrixRMaj dhLocal;
    final DMatrixRMaj dcLocal;
    final DMatrixRMaj dhNext;
    final DMatrixRMaj dcNext;
    final DMatrixRMaj dhDirect;
    final DMatrixRMaj biasRow;

    LayerGradients(CellType cell, int batch, int steps, int in, int hidden) {
        int gh = cell.blocks() * hidden;
        dH = LayerTrace.alloc(steps, batch, hidden);
        dC = cell == CellType.LSTM ? LayerTrace.alloc(steps, batch, hidden) : null;
        dX = LayerTrace.alloc(steps, batch, in);
        dH0 = new DMatrixRMaj(batch, hidden);
        dC0 = new DMatrixRMaj(batch, hidden);
        dPreIh = new DMatrixRMaj(batch, gh);
        dPreHh = new DMatrixRMaj(batch, gh);
        dhLocal = new DMatrixRMaj(batch, hidden);
        dcLocal = new DMatrixRMaj(batch, hidden);
        dhNext = new DMatrixRMaj(batch, hidden);
        dcNext = new DMatrixRMaj(batch, hidden);
        dhDirect = new DMatrixRMaj(batch, hidden);
        biasRow = new DMatrixRMaj(1, gh);
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
