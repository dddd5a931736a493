package org.rnnexplorer.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.rnnexplorer.model.Trace;

/**
 * The path of the hidden state in its first principal components. With the states h_0..h_{T−1} as the rows of X
 * (T × H), the mean m = (1/T) Σ_t h_t and the centred X̃ = X − 1mᵀ = U Σ Vᵀ (EJML's SVD, singular values
 * σ_1 ≥ σ_2 ≥ ...):
 * <pre>
 * axis i            v_i = column i of V                  (a unit vector of H numbers)
 * path              p_t[i] = (h_t − m) · v_i
 * variance          σ_i² / T                             (of p[i] over the steps)
 * explained         σ_i² / Σ_j σ_j²                      (its share of the total variance)
 * </pre>
 * Each axis is signed so that its entry of largest magnitude is positive, so the same states give the same picture.
 *
 * @param mean m
 * @param axes v_i as rows, [k][H]
 * @param path p_t, [T][k]
 * @param variance σ_i² / T, [k]
 * @param explained σ_i² / Σ_j σ_j², [k] (all 0 when the states do not vary)
 */
public record HiddenStatePca(double[] mean, double[][] axes, double[][] path, double[] variance, double[] explained) {

    /** The first {@code k} (at most H) components of h of {@code layer}, sequence 0, over every step of a trace. */
    public static HiddenStatePca of(Trace trace, int layer, int k) {
        int steps = trace.steps(), h = trace.hiddenSize();
        double[][] states = new double[steps][h];
        for (int t = 0; t < steps; t++)
            System.arraycopy(trace.layer(layer).h[t].data, 0, states[t], 0, h);
        return of(states, k);
    }

    /** The first {@code k} (at most the width of a row) principal components of the rows of {@code states}. */
    public static HiddenStatePca of(double[][] states, int k) {
        int steps = states.length;
        if (steps == 0) throw new IllegalArgumentException("no states");
        int h = states[0].length;
        if (k < 1) throw new IllegalArgumentException("at least one component, got " + k);
        k = Math.min(k, h);
        double[] mean = new double[h];
        for (double[] row : states) for (int j = 0; j < h; j++) mean[j] += row[j] / steps;
        DMatrixRMaj centred = new DMatrixRMaj(steps, h);
        for (int t = 0; t < steps; t++) for (int j = 0; j < h; j++) centred.set(t, j, states[t][j] - mean[j]);

        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(steps, h, false, true, false);
        if (!svd.decompose(centred.copy())) throw new IllegalStateException("the SVD did not converge");
        DMatrixRMaj w = svd.getW(null), v = svd.getV(null, false); // W: singular values on the diagonal; V: H × H
        SingularOps_DDRM.descendingOrder(null, false, w, v, false);

        int available = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int i = 0; i < available; i++) total += w.get(i, i) * w.get(i, i);
        double[][] axes = new double[k][h];
        double[] variance = new double[k], explained = new double[k];
        for (int i = 0; i < k; i++) {
            double sigma = i < available ? w.get(i, i) : 0;
            variance[i] = sigma * sigma / steps;
            explained[i] = total > 0 ? sigma * sigma / total : 0;
            int biggest = 0;
            for (int j = 0; j < h; j++) {
                axes[i][j] = v.get(j, i);
                if (Math.abs(axes[i][j]) > Math.abs(axes[i][biggest])) biggest = j;
            }
            if (axes[i][biggest] < 0) for (int j = 0; j < h; j++) axes[i][j] = -axes[i][j];
        }
        double[][] path = new double[steps][];
        HiddenStatePca pca = new HiddenStatePca(mean, axes, path, variance, explained);
        for (int t = 0; t < steps; t++) path[t] = pca.project(states[t]);
        return pca;
    }

    /** {@code ((h − m) · v_i)_i}: any state (a what-if's, another step's) in the same axes. */
    public double[] project(double[] state) {
        double[] p = new double[axes.length];
        for (int i = 0; i < axes.length; i++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) s += (state[j] - mean[j]) * axes[i][j];
            p[i] = s;
        }
        return p;
    }
}
