package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The largest singular values of a model's recurrent weights: σ_max(W_hh) = max over ‖v‖ = 1 of ‖W_hh v‖, the most
 * one step of the recurrence can stretch a change in h_{t−1}. Per layer for the whole [G·H][H] matrix, and for the
 * LSTM and GRU per gate block: σ_max(W_h·) of rows g·H..(g+1)·H−1 (for the LSTM forget gate, W_hf).
 * For stacked blocks ‖W_hh v‖² = Σ_g ‖W_hg v‖², so σ_max(W_hh) ≤ √(Σ_g σ_max(W_hg)²).
 * Computed once, from the weights as they are when {@link #of} is called.
 */
public final class RecurrentSpectrum {
    private final CellType cell;
    private final double[] layer;
    private final double[][] gate;

    private RecurrentSpectrum(CellType cell, double[] layer, double[][] gate) {
        this.cell = cell;
        this.layer = layer;
        this.gate = gate;
    }

    /** Singular value decompositions (values only, EJML) of every layer's W_hh and of its gate blocks. */
    public static RecurrentSpectrum of(RnnModel model) {
        int layers = model.layerCount(), h = model.hiddenSize(), blocks = model.cell().blocks();
        double[] whole = new double[layers];
        double[][] perGate = new double[layers][blocks];
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj w = model.layer(l).wHh;
            whole[l] = largestSingularValue(w);
            for (int g = 0; g < blocks; g++)
                perGate[l][g] = largestSingularValue(CommonOps_DDRM.extract(w, g * h, (g + 1) * h, 0, h));
        }
        return new RecurrentSpectrum(model.cell(), whole, perGate);
    }

    /** σ_max(m), the largest singular value (the spectral norm ‖m‖₂); {@code m} is not modified. */
    public static double largestSingularValue(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(svd.inputModified() ? m.copy() : m))
            throw new IllegalStateException("the singular value decomposition did not converge");
        double max = 0;
        for (double s : svd.getSingularValues()) max = Math.max(max, s);
        return max;
    }

    public CellType cell() { return cell; }

    public int layerCount() { return layer.length; }

    /** σ_max(W_hh) of layer l, all gate blocks together. */
    public double sigmaMax(int l) {
        return layer[l];
    }

    /** σ_max of gate block g's recurrent weights in layer l (for the vanilla RNN, block 0 is W_hh itself). */
    public double sigmaMax(int l, int g) {
        return gate[l][g];
    }
}
