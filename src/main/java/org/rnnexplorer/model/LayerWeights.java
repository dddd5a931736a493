package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The weights of one recurrent layer in PyTorch's layout: {@code W_ih} is [G*H][in], {@code W_hh} is [G*H][H],
 * the biases are row vectors [1][G*H]; the G row blocks follow {@link CellType}'s gate order.
 */
public final class LayerWeights {
    public final DMatrixRMaj wIh;
    public final DMatrixRMaj wHh;
    public final DMatrixRMaj bIh;
    public final DMatrixRMaj bHh;

    public LayerWeights(DMatrixRMaj wIh, DMatrixRMaj wHh, DMatrixRMaj bIh, DMatrixRMaj bHh) {
        this.wIh = wIh;
        this.wHh = wHh;
        this.bIh = bIh;
        this.bHh = bHh;
    }

    /** A zero-filled layer: G*H rows, {@code in} inputs, H hidden units. */
    public static LayerWeights zeros(int blocks, int in, int hidden) {
        int gh = blocks * hidden;
        return new LayerWeights(new DMatrixRMaj(gh, in), new DMatrixRMaj(gh, hidden),
                new DMatrixRMaj(1, gh), new DMatrixRMaj(1, gh));
    }

    public LayerWeights copy() {
        return new LayerWeights(wIh.copy(), wHh.copy(), bIh.copy(), bHh.copy());
    }

    public int inputSize() {
        return wIh.numCols;
    }
}
