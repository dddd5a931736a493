package org.rnnexplorer.chart;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;

/** σ_max(W), the largest singular value of a matrix (its spectral norm), by EJML's SVD. */
final class SpectralNorm {
    private SpectralNorm() {
    }

    static double of(DMatrixRMaj w) {
        double[] s = SingularOps_DDRM.singularValues(w.copy());
        double max = 0;
        for (double x : s) max = Math.max(max, x);
        return max;
    }
}
