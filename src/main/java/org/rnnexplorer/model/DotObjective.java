package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code L = Σ_b v · h_{T−1}} of the top layer: the sensitivity of one unit (v a unit vector) or one direction of
 * the final state to everything before it. {@code dL/dh_{T−1} = v}.
 */
public final class DotObjective implements Objective {
    private final double[] v;

    public DotObjective(double[] v) {
        this.v = v.clone();
    }

    /** v = e_unit. */
    public static DotObjective unit(int hidden, int unit) {
        double[] v = new double[hidden];
        v[unit] = 1.0;
        return new DotObjective(v);
    }

    /** v = (1, ..., 1): L = Σ h_{T−1}, PyTorch benchmark's objective. */
    public static DotObjective sum(int hidden) {
        double[] v = new double[hidden];
        java.util.Arrays.fill(v, 1.0);
        return new DotObjective(v);
    }

    @Override
    public double seed(Trace trace, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits) {
        if (v.length != trace.hiddenSize())
            throw new IllegalArgumentException("the gradient seed has " + v.length + " numbers, expected "
                    + trace.hiddenSize());
        int last = trace.steps() - 1;
        DMatrixRMaj h = trace.top().h[last];
        DMatrixRMaj d = dTopH[last];
        double l = 0;
        for (int b = 0; b < h.numRows; b++) {
            for (int u = 0; u < v.length; u++) {
                l += v[u] * h.data[b * v.length + u];
                d.data[b * v.length + u] = v[u];
            }
        }
        return l;
    }

    @Override
    public boolean usesReadout() {
        return false;
    }

    @Override
    public String describe() {
        return "dot(v, h[T-1])";
    }
}
